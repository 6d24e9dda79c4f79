/**
 * A screen's shortcuts, always visible: one tag per command of its registry (app/commands.ts),
 * disabled ones greyed. A label names its key through `{{key}}`.
 */
import { Space, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Command } from './commands';

/** How a key is written on screen: Enter and Escape have names, F-keys are themselves. */
export const keyName = (t: TFunction, key: string): string =>
  key === 'Enter' ? t('shortcuts.enter') : key === 'Escape' ? t('shortcuts.escape') : key;

/** A command's label with its key, as the shortcut bar and buttons show it. */
export const commandLabel = (t: TFunction, command: { key: string; label: string }): string => t(command.label, { key: keyName(t, command.key) });

export interface ShortcutBarProps<State extends object> {
  commands: readonly Command<string, State, never>[];
  state: State;
}

function ShortcutBarView<State extends object>({ commands, state }: ShortcutBarProps<State>) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[4, 4]} data-testid="shortcut-bar" style={{ marginTop: 12 }}>
      <Typography.Text type="secondary">{t('shortcuts.title')}:</Typography.Text>
      {commands.map((c) => {
        const on = c.enabled(state);
        return (
          <Tag key={c.id} color={on ? 'blue' : undefined} style={{ opacity: on ? 1 : 0.5 }}>
            {commandLabel(t, c)}
          </Tag>
        );
      })}
    </Space>
  );
}

/** The screen re-renders with each result; the bar only when a field of its state changes. */
const sameState = <State extends object>(a: ShortcutBarProps<State>, b: ShortcutBarProps<State>) =>
  a.commands === b.commands &&
  Object.keys({ ...a.state, ...b.state }).every((k) => (a.state as Record<string, unknown>)[k] === (b.state as Record<string, unknown>)[k]);

export const ShortcutBar = memo(ShortcutBarView, sameState) as typeof ShortcutBarView;
