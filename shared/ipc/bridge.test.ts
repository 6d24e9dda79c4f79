// The bridge is derived from the IPC table: every channel gets one method that sends exactly the
// channel's arguments, every event one subscription that passes on only its declared payload.
import { describe, expect, it } from 'vitest';
import { bridgeFrom, type DeskBridge, invokeIn } from './bridge';
import { IPC_CHANNELS, IPC_EVENT_TABLE, IPC_EVENTS, IPC_TABLE, type IpcImplementations } from './channels';

const recording = () => {
  const sent: [string, readonly unknown[]][] = [];
  const delivered = new Map<string, (raw: unknown) => void>();
  const bridge = bridgeFrom(
    async (channel, args) => {
      sent.push([channel, args]);
      return 'v' as never;
    },
    (event, deliver) => {
      delivered.set(event, deliver);
      return () => delivered.delete(event);
    },
  );
  return { bridge, sent, delivered };
};

describe('bridge from the IPC table', () => {
  it('has one method per channel and event, named once', () => {
    const names = [...IPC_CHANNELS.map((c) => IPC_TABLE[c].method), ...IPC_EVENTS.map((e) => IPC_EVENT_TABLE[e].method)];
    expect(new Set(names).size).toBe(names.length);
    expect(Object.keys(recording().bridge).sort()).toEqual([...names].sort());
  });

  it('sends each channel exactly its arguments, whatever else the page passes', async () => {
    const { bridge, sent } = recording();
    for (const channel of IPC_CHANNELS) {
      const method = bridge[IPC_TABLE[channel].method] as (...a: unknown[]) => Promise<unknown>;
      expect(await method('a', 'b', 'c')).toBe('v');
      const [name, args] = sent.at(-1)!;
      expect(name).toBe(channel);
      expect(args).toHaveLength(IPC_TABLE[channel].arity);
    }
    await bridge.getAccessToken();
    await bridge.getAccessToken({ forceRefresh: true });
    expect(sent.slice(-2)).toEqual([
      ['device:access-token', [{ forceRefresh: false }]],
      ['device:access-token', [{ forceRefresh: true }]],
    ]);
  });

  it('delivers events with only their declared fields, and unsubscribes', () => {
    const { bridge, delivered } = recording();
    const received: unknown[] = [];
    const unsubscribe = bridge.onQuitBlocked((event) => received.push(event));
    delivered.get('app:quit-blocked')?.({ pending: '4', extra: 'dropped' });
    delivered.get('app:quit-blocked')?.(null);
    expect(received).toEqual([{ pending: 4 }, { pending: 0 }]);
    unsubscribe();
    expect(delivered.size).toBe(0);
  });

  it('runs in-page implementations channel by channel (the web build)', async () => {
    const calls: string[] = [];
    const implementations = Object.fromEntries(
      IPC_CHANNELS.map((channel) => [channel, (...args: unknown[]) => (calls.push(`${channel}(${JSON.stringify(args)})`), channel)]),
    ) as unknown as IpcImplementations;
    const bridge: DeskBridge = bridgeFrom(invokeIn(implementations), () => () => undefined);
    expect(await bridge.reportPendingWrites(3)).toBe('sync:pending');
    expect(await bridge.getAccessToken()).toBe('device:access-token');
    expect(calls).toEqual(['sync:pending([3])', 'device:access-token([{"forceRefresh":false}])']);
  });
});
