// The pause timer on a busy page: a burst's keys were typed 3 ms apart, but the page handles them
// late (the first keys reached the field and re-rendered the screen), and the pause timer comes
// due while the rest of the burst waits in the input queue. Found by the two-desk E2E test, where
// a scan was read as two wrong card numbers.
import { describe, expect, it } from 'vitest';
import { createFakeDesk } from './fake-desk.test-util';
import { after, burst, enter } from './wedge-events.test-util';

const CARD = '310000000046';

/** The keys of CARD + Enter, typed 3 ms apart from t=1000; the page is blocked for 150 ms after the 4th. */
const blockedBurst = () => {
  const keys = burst(CARD, 1000, 3);
  const events = [...keys, enter(after(keys, 3))];
  const handledAt = events.map((e, i) => (i < 4 ? e.timeStamp + 1 : 1000 + 3 * 3 + 150 + i));
  return { events, handledAt };
};

describe('the pause timer on a busy page', () => {
  it('reads the queued keys before it declares a pause (the browser reports pending input)', () => {
    const desk = createFakeDesk();
    const { events, handledAt } = blockedBurst();
    desk.playQueued(events, handledAt);
    desk.idle();
    expect(desk.scans.map((s) => s.text)).toEqual([CARD]);
    expect(desk.sequences.map((s) => s.verdict)).toEqual(['scanner']);
    expect(desk.field.value).toBe('');
  });

  it('looks again once when it fired late, where the browser cannot report pending input', () => {
    const desk = createFakeDesk({}, '', { inputPending: false });
    const { events, handledAt } = blockedBurst();
    desk.playQueued(events, handledAt);
    desk.idle();
    expect(desk.scans.map((s) => s.text)).toEqual([CARD]);
    expect(desk.field.value).toBe('');
  });

  it('gives keys the browser delivered late the same pause to follow (all keys sent at once, then a stall)', () => {
    // typed 3 ms apart, the whole burst delivered 40 ms late, and the rest after a further 80 ms stall
    const desk = createFakeDesk({}, '', { inputPending: false });
    const keys = burst(CARD, 1000, 3);
    const events = [...keys, enter(after(keys, 3))];
    desk.playQueued(
      events,
      events.map((e, i) => e.timeStamp + 40 + (i >= 6 ? 80 : 0)),
      'browser',
    );
    desk.idle();
    expect(desk.scans.map((s) => s.text)).toEqual([CARD]);
    expect(desk.field.value).toBe('');
  });

  it('still ends a burst without a terminator after a real pause', () => {
    const desk = createFakeDesk();
    const keys = burst(CARD, 1000, 3);
    desk.playQueued(keys, keys.map((k) => k.timeStamp + 1));
    desk.idle();
    expect(desk.scans.map((s) => [s.text, s.timings.terminator])).toEqual([[CARD, 'timeout']]);
  });

  it('a person typing slowly while the page is busy is still a person', () => {
    const desk = createFakeDesk();
    const keys = burst('3100', 1000, 300);
    desk.playQueued([...keys, enter(after(keys, 300))], [1001, 1301, 1601, 1901, 2400]);
    desk.idle();
    expect(desk.scans).toEqual([]);
    expect(desk.submitted).toEqual(['3100']);
  });
});
