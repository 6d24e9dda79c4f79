/**
 * Threat: a desk left signed in while its staff member walks away, so the next person records
 * under their name (docs/security.md, "Staff accountability"). The staff member on duty is signed
 * out after a configurable time without any input at this desk: a key (a badge scan is keys too),
 * a click, a touch or the wheel counts as activity. The time is a setting of this desk, kept in
 * localStorage; it can be changed, never switched off.
 */
import type { StaffSession } from './staff-session';

const MINUTE_MS = 60_000;
/** The choices the settings screen offers, in minutes. */
export const IDLE_MINUTE_CHOICES = [2, 5, 10, 15, 30, 60] as const;
export const DEFAULT_IDLE_MINUTES = 10;
const KEY = 'station-desk.idle-sign-out-minutes';
const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

type SettingStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** The desk's idle time in minutes: a stored choice, else the default. */
export const readIdleMinutes = (storage?: SettingStorage): number => {
  const stored = Number(storage?.getItem(KEY));
  return (IDLE_MINUTE_CHOICES as readonly number[]).includes(stored) ? stored : DEFAULT_IDLE_MINUTES;
};

export interface IdleSignOut {
  /** The idle time in minutes now in force. */
  minutes(): number;
  /** Stores a new idle time (one of the choices) and counts from now with it. */
  setMinutes(minutes: number): void;
  stop(): void;
}

/**
 * Watches `target` (the window) for activity and signs `session` out once `minutes()` pass
 * without any while someone is signed in. Uses the page's timers, so fake time drives it in tests.
 */
export const startIdleSignOut = (options: { session: StaffSession; target: EventTarget; storage?: SettingStorage; now?: () => number }): IdleSignOut => {
  const now = options.now ?? (() => Date.now());
  let minutes = readIdleMinutes(options.storage);
  let lastActivity = now();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = () => {
    timer = undefined;
    if (!options.session.current()) return;
    const left = lastActivity + minutes * MINUTE_MS - now();
    if (left <= 0) options.session.signOut();
    else timer = setTimeout(check, left);
  };
  const arm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (options.session.current()) timer = setTimeout(check, Math.max(0, lastActivity + minutes * MINUTE_MS - now()));
  };
  // activity only moves the mark; the one pending timer re-reads it when it fires
  const onActivity = () => {
    lastActivity = now();
    if (timer === undefined) arm();
  };
  for (const type of ACTIVITY_EVENTS) options.target.addEventListener(type, onActivity, { capture: true, passive: true });
  const unsubscribe = options.session.subscribe(() => {
    lastActivity = now();
    arm();
  });
  arm();

  return {
    minutes: () => minutes,
    setMinutes(next) {
      if (!(IDLE_MINUTE_CHOICES as readonly number[]).includes(next)) throw new Error(`idle time must be one of ${IDLE_MINUTE_CHOICES.join(', ')} minutes`);
      minutes = next;
      options.storage?.setItem(KEY, String(next));
      lastActivity = now();
      arm();
    },
    stop() {
      for (const type of ACTIVITY_EVENTS) options.target.removeEventListener(type, onActivity, { capture: true });
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    },
  };
};
