/** The screen's shortcuts, always visible (read from desk-commands.ts); disabled ones are greyed. */
import { Space, Tag, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { DESK_COMMANDS, type DeskCommandState } from './desk-commands';

export const ShortcutBar = memo(function ShortcutBar({ state }: { state: DeskCommandState }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={[4, 4]} data-testid="shortcut-bar" style={{ marginTop: 12 }}>
      <Typography.Text type="secondary">{t('frontDesk.keys.title')}:</Typography.Text>
      {DESK_COMMANDS.map((c) => (
        <Tag key={c.id} color={c.enabled(state) ? 'blue' : undefined} style={{ opacity: c.enabled(state) ? 1 : 0.5 }}>
          {t(c.label)}
        </Tag>
      ))}
    </Space>
  );
}, (a, b) => a.state.ready === b.state.ready && a.state.canOverride === b.state.canOverride && a.state.dialogOpen === b.state.dialogOpen);
