/**
 * A screen's commands in one list (docs/architecture.md): id, key, label, when each is enabled,
 * and what it does. The shortcut bar renders the list, the screen's key handler dispatches from
 * it, buttons run it by id, and tests read keys and rules from it instead of repeating them.
 * Pure data and functions, no React: E2E tests import registries to know which key to press.
 */
export interface Command<Id extends string, State, Ctx> {
  id: Id;
  /** `KeyboardEvent.key` */
  key: string;
  /** i18n key of the label; `{{key}}` in it shows the key (see keyName) */
  label: string;
  /** Handled by the focused field (Enter), not by the screen's key handler. */
  fieldOnly?: boolean;
  enabled(state: State): boolean;
  action(ctx: Ctx): void;
}

export type Registry<Id extends string, State, Ctx> = readonly Command<Id, State, Ctx>[];

/** The screen-level command a key press triggers now, if any (never a field's own key). */
export const commandForKey = <Id extends string, State, Ctx>(
  registry: Registry<Id, State, Ctx>,
  key: string,
  state: State,
): Command<Id, State, Ctx> | null => {
  const command = registry.find((c) => c.key === key && !c.fieldOnly);
  return command && command.enabled(state) ? command : null;
};

/** The key of a command, for tests and for texts that name it. */
export const keyOf = <Id extends string>(registry: readonly { id: Id; key: string }[], id: Id): string => {
  const command = registry.find((c) => c.id === id);
  if (!command) throw new Error(`no command ${id}`);
  return command.key;
};

/** Runs a command by id when it is enabled (a button or a key); says whether it ran. */
export const runCommand = <Id extends string, State, Ctx>(registry: Registry<Id, State, Ctx>, id: Id, state: State, ctx: Ctx): boolean => {
  const command = registry.find((c) => c.id === id);
  if (!command || !command.enabled(state)) return false;
  command.action(ctx);
  return true;
};

/** Handles a key press against a registry: runs the command and claims the key, or leaves it. */
export const dispatchKey = <Id extends string, State, Ctx>(
  registry: Registry<Id, State, Ctx>,
  event: Pick<KeyboardEvent, 'key' | 'preventDefault'>,
  state: State,
  ctx: Ctx,
): boolean => {
  const command = commandForKey(registry, event.key, state);
  if (!command) return false;
  event.preventDefault();
  command.action(ctx);
  return true;
};
