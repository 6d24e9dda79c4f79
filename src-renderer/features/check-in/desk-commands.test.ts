import { describe, expect, it } from 'vitest';
import { commandForKey, DESK_COMMANDS, type DeskCommandState } from './desk-commands';

const ready: DeskCommandState = { ready: true, canOverride: false, dialogOpen: false };

describe('check-in desk commands', () => {
  it('use distinct keys, none of the screen keys F1–F6', () => {
    const keys = DESK_COMMANDS.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => /^F[1-6]$/.test(k))).toEqual([]);
  });

  it('offer the override only for a denial on the panel', () => {
    expect(commandForKey('F8', ready)).toBeNull();
    expect(commandForKey('F8', { ...ready, canOverride: true })?.id).toBe('override');
  });

  it('are off while a dialog has the keyboard, or before sign-in', () => {
    expect(commandForKey('F9', { ...ready, dialogOpen: true })).toBeNull();
    expect(commandForKey('Escape', { ...ready, dialogOpen: true })).toBeNull();
    expect(commandForKey('F7', { ...ready, ready: false })).toBeNull();
    expect(commandForKey('F10', { ...ready, ready: false })).toBeNull();
    expect(commandForKey('F10', ready)?.id).toBe('review');
  });

  it('leave Enter to the focused field and ignore other keys', () => {
    expect(commandForKey('Enter', ready)).toBeNull();
    expect(commandForKey('a', ready)).toBeNull();
  });
});
