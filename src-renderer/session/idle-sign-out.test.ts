// Staff are signed out after the desk's idle time without input; any input starts it again.
// Fake time (vitest's timers and Date together): nothing here waits for real.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_IDLE_MINUTES, readIdleMinutes, startIdleSignOut, type IdleSignOut } from './idle-sign-out';
import { createStaffSession, type StaffSession } from './staff-session';

const MINUTE = 60_000;
const LI = { id: 'S-1', name: '李前台', role: 'desk' } as const;

const memoryStorage = () => {
  const data = new Map<string, string>();
  return { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v), removeItem: (k: string) => void data.delete(k) };
};

let session: StaffSession;
let page: EventTarget;
let storage: ReturnType<typeof memoryStorage>;
let idle: IdleSignOut;

const press = () => page.dispatchEvent(new Event('keydown'));
const start = () => {
  idle = startIdleSignOut({ session, target: page, storage });
  return idle;
};

beforeEach(() => {
  vi.useFakeTimers({ now: Date.parse('2026-11-30T01:00:00.000Z') });
  session = createStaffSession(memoryStorage());
  page = new EventTarget();
  storage = memoryStorage();
});
afterEach(() => {
  idle?.stop();
  vi.useRealTimers();
});

describe('idle sign-out', () => {
  it(`signs the staff member out after ${DEFAULT_IDLE_MINUTES} minutes without input, by default`, () => {
    start();
    session.signIn(LI);
    vi.advanceTimersByTime(DEFAULT_IDLE_MINUTES * MINUTE - 1);
    expect(session.current()).toEqual(LI);
    vi.advanceTimersByTime(1);
    expect(session.current()).toBeNull();
  });

  it('counts again from every input: keys (a scan), clicks, touches, the wheel', () => {
    start();
    session.signIn(LI);
    for (const type of ['keydown', 'pointerdown', 'touchstart', 'wheel']) {
      vi.advanceTimersByTime(9 * MINUTE);
      page.dispatchEvent(new Event(type));
    }
    vi.advanceTimersByTime(9 * MINUTE);
    expect(session.current()).toEqual(LI);
    vi.advanceTimersByTime(MINUTE);
    expect(session.current()).toBeNull();
  });

  it('uses the configured time, stored for the next start, and counts from the change', () => {
    start().setMinutes(2);
    session.signIn(LI);
    vi.advanceTimersByTime(2 * MINUTE);
    expect(session.current()).toBeNull();
    idle.stop();
    expect(readIdleMinutes(storage)).toBe(2);

    start();
    session.signIn(LI);
    vi.advanceTimersByTime(MINUTE);
    idle.setMinutes(30);
    vi.advanceTimersByTime(29 * MINUTE);
    press();
    vi.advanceTimersByTime(29 * MINUTE);
    expect(session.current()).toEqual(LI);
    vi.advanceTimersByTime(MINUTE);
    expect(session.current()).toBeNull();
  });

  it('starts counting at sign-in, not from the last input before it', () => {
    start();
    vi.advanceTimersByTime(60 * MINUTE);
    session.signIn(LI);
    vi.advanceTimersByTime(DEFAULT_IDLE_MINUTES * MINUTE - 1);
    expect(session.current()).toEqual(LI);
  });

  it('refuses a time that is not one of the choices (it cannot be switched off), and ignores a bad stored one', () => {
    start();
    expect(() => idle.setMinutes(0)).toThrow(/one of/);
    expect(() => idle.setMinutes(Number.POSITIVE_INFINITY)).toThrow(/one of/);
    storage.setItem('station-desk.idle-sign-out-minutes', '0');
    expect(readIdleMinutes(storage)).toBe(DEFAULT_IDLE_MINUTES);
  });

  it('stops watching when stopped', () => {
    start();
    session.signIn(LI);
    idle.stop();
    vi.advanceTimersByTime(120 * MINUTE);
    expect(session.current()).toEqual(LI);
    expect(vi.getTimerCount()).toBe(0);
  });
});
