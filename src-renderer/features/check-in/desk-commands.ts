/**
 * The check-in screen's commands in one list (app/commands.ts): id, key, label, when each is
 * enabled, and what it does. The key handler, the shortcut bar, the toolbar buttons and the tests
 * all read it. F1–F6 belong to the screens (app/screens.ts).
 */
import { commandForKey as registryCommandForKey, keyOf, type Command } from '../../app/commands';

export type DeskCommandId = 'submit' | 'clear' | 'search' | 'override' | 'check-out-mode' | 'review';

export interface DeskCommandState {
  /** A station exists and, where staff exist, someone is signed in. */
  ready: boolean;
  /** The panel shows a recorded denial that has not been overridden yet. */
  canOverride: boolean;
  /** A dialog or drawer has the keyboard. */
  dialogOpen: boolean;
}

/** What the commands act on: the screen's parts. */
export interface DeskCommandContext {
  submitField(): void;
  clear(): void;
  focusSearch(): void;
  openOverride(): void;
  toggleCheckOutMode(): void;
  toggleReview(): void;
}

export type DeskCommand = Command<DeskCommandId, DeskCommandState, DeskCommandContext>;

export const DESK_COMMANDS: readonly DeskCommand[] = [
  { id: 'submit', key: 'Enter', label: 'checkIn.keys.submit', fieldOnly: true, enabled: (s) => s.ready, action: (c) => c.submitField() },
  { id: 'clear', key: 'Escape', label: 'checkIn.keys.clear', enabled: (s) => !s.dialogOpen, action: (c) => c.clear() },
  { id: 'search', key: 'F7', label: 'checkIn.keys.search', enabled: (s) => s.ready && !s.dialogOpen, action: (c) => c.focusSearch() },
  {
    id: 'override',
    key: 'F8',
    label: 'checkIn.keys.override',
    enabled: (s) => s.ready && s.canOverride && !s.dialogOpen,
    action: (c) => c.openOverride(),
  },
  {
    id: 'check-out-mode',
    key: 'F9',
    label: 'checkIn.keys.checkOutMode',
    enabled: (s) => s.ready && !s.dialogOpen,
    action: (c) => c.toggleCheckOutMode(),
  },
  { id: 'review', key: 'F10', label: 'checkIn.keys.review', enabled: (s) => s.ready && !s.dialogOpen, action: (c) => c.toggleReview() },
];

/** The screen-level command a key press triggers now, if any. */
export const commandForKey = (key: string, state: DeskCommandState): DeskCommand | null => registryCommandForKey(DESK_COMMANDS, key, state);

/** The key of a check-in command (for tests and texts that name it). */
export const deskKey = (id: DeskCommandId): string => keyOf(DESK_COMMANDS, id);

export const deskCommand = (id: DeskCommandId): DeskCommand => DESK_COMMANDS.find((c) => c.id === id)!;
