import { describe, expect, it } from 'vitest';
import { dispatchKey, runCommand } from '../../app/commands';
import { commandForKey, DESK_COMMANDS, deskKey, type DeskCommandContext, type DeskCommandState } from './desk-commands';

const ready: DeskCommandState = { ready: true, canOverride: false, dialogOpen: false };

/** A context that records which of the screen's parts a command acted on. */
const recording = () => {
  const calls: string[] = [];
  const ctx: DeskCommandContext = {
    submitField: () => calls.push('submitField'),
    clear: () => calls.push('clear'),
    focusSearch: () => calls.push('focusSearch'),
    openOverride: () => calls.push('openOverride'),
    toggleCheckOutMode: () => calls.push('toggleCheckOutMode'),
    toggleReview: () => calls.push('toggleReview'),
  };
  return { ctx, calls };
};

describe('check-in desk commands', () => {
  it('use distinct keys, none of the screen keys F1–F6', () => {
    const keys = DESK_COMMANDS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => /^F[1-6]$/.test(k))).toEqual([]);
  });

  it('offer the override only for a denial on the panel', () => {
    expect(commandForKey(deskKey('override'), ready)).toBeNull();
    expect(commandForKey(deskKey('override'), { ...ready, canOverride: true })?.id).toBe('override');
  });

  it('are off while a dialog has the keyboard, or before sign-in', () => {
    expect(commandForKey(deskKey('check-out-mode'), { ...ready, dialogOpen: true })).toBeNull();
    expect(commandForKey(deskKey('clear'), { ...ready, dialogOpen: true })).toBeNull();
    expect(commandForKey(deskKey('search'), { ...ready, ready: false })).toBeNull();
    expect(commandForKey(deskKey('review'), { ...ready, ready: false })).toBeNull();
    expect(commandForKey(deskKey('review'), ready)?.id).toBe('review');
  });

  it('leave Enter to the focused field and ignore other keys', () => {
    expect(commandForKey(deskKey('submit'), ready)).toBeNull();
    expect(commandForKey('a', ready)).toBeNull();
  });

  it('run their action from a key (claiming it) or by id, only while enabled', () => {
    const { ctx, calls } = recording();
    let claimed = 0;
    const press = (key: string, state: DeskCommandState) => dispatchKey(DESK_COMMANDS, { key, preventDefault: () => void claimed++ }, state, ctx);
    expect(press(deskKey('search'), ready)).toBe(true);
    expect(press(deskKey('override'), ready)).toBe(false);
    expect(press(deskKey('submit'), ready)).toBe(false);
    expect(press('a', ready)).toBe(false);
    expect(runCommand(DESK_COMMANDS, 'override', { ...ready, canOverride: true }, ctx)).toBe(true);
    expect(runCommand(DESK_COMMANDS, 'review', { ...ready, dialogOpen: true }, ctx)).toBe(false);
    expect(calls).toEqual(['focusSearch', 'openOverride']);
    expect(claimed).toBe(1);
  });
});
