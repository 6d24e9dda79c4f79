/**
 * The check-in screen's commands in one list: name, key, label, and when each is
 * enabled. The key handler, the shortcut bar on screen and the tests all read it. F1–F6 belong
 * to the screens (app/screens.ts).
 */
export type DeskCommandId = 'submit' | 'clear' | 'search' | 'override' | 'check-out-mode' | 'review';

export interface DeskCommandState {
  /** A station exists and, where staff exist, someone is signed in. */
  ready: boolean;
  /** The panel shows a recorded denial that has not been overridden yet. */
  canOverride: boolean;
  /** A dialog or drawer has the keyboard. */
  dialogOpen: boolean;
}

export interface DeskCommand {
  id: DeskCommandId;
  /** `KeyboardEvent.key` */
  key: string;
  /** i18n key of the label in the shortcut bar */
  label: string;
  /** Handled by the focused field (Enter), not by the screen's key handler. */
  fieldOnly?: boolean;
  enabled(state: DeskCommandState): boolean;
}

export const DESK_COMMANDS: readonly DeskCommand[] = [
  { id: 'submit', key: 'Enter', label: 'frontDesk.keys.submit', fieldOnly: true, enabled: (s) => s.ready },
  { id: 'clear', key: 'Escape', label: 'frontDesk.keys.clear', enabled: (s) => !s.dialogOpen },
  { id: 'search', key: 'F7', label: 'frontDesk.keys.search', enabled: (s) => s.ready && !s.dialogOpen },
  { id: 'override', key: 'F8', label: 'frontDesk.keys.override', enabled: (s) => s.ready && s.canOverride && !s.dialogOpen },
  { id: 'check-out-mode', key: 'F9', label: 'frontDesk.keys.checkOutMode', enabled: (s) => s.ready && !s.dialogOpen },
  { id: 'review', key: 'F10', label: 'frontDesk.keys.review', enabled: (s) => s.ready && !s.dialogOpen },
];

/** The screen-level command a key press triggers now, if any. */
export const commandForKey = (key: string, state: DeskCommandState): DeskCommand | null => {
  const command = DESK_COMMANDS.find((c) => c.key === key && !c.fieldOnly);
  return command && command.enabled(state) ? command : null;
};
