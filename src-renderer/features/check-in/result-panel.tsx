/** The big result panel: green admitted, amber admitted with a warning, red denied. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckInResult } from './check-in-command';

const COLORS = {
  admit: { background: '#e8f7ec', border: '#2f9e44', text: '#1b5e20' },
  'admit-with-warning': { background: '#fff6e0', border: '#f08c00', text: '#7a4a00' },
  deny: { background: '#fdecec', border: '#e03131', text: '#8b1a1a' },
} as const;

export type PanelState = { kind: 'idle' } | { kind: 'result'; result: CheckInResult } | { kind: 'input-error'; message: string };

export const ResultPanel = ({ state }: { state: PanelState }) => {
  const { t, i18n } = useTranslation();
  if (state.kind !== 'result') {
    const isError = state.kind === 'input-error';
    return (
      <div
        data-testid="check-in-result"
        data-outcome={isError ? 'input-error' : 'idle'}
        role="status"
        style={{ padding: 24, borderRadius: 12, border: `3px dashed ${isError ? '#e03131' : '#ced4da'}`, minHeight: 150 }}
      >
        <Typography.Title level={3} style={{ margin: 0, color: isError ? '#8b1a1a' : '#868e96' }}>
          {isError ? state.message : t('checkIn.ready')}
        </Typography.Title>
      </div>
    );
  }
  const { decision, member } = state.result;
  const colors = COLORS[decision.outcome];
  const earlier = decision.earlier ? new Date(decision.earlier.at).toLocaleTimeString(i18n.language) : null;
  return (
    <div
      data-testid="check-in-result"
      data-outcome={decision.outcome}
      data-reason={decision.reason}
      role="status"
      aria-live="assertive"
      style={{ padding: 24, borderRadius: 12, background: colors.background, border: `3px solid ${colors.border}`, minHeight: 150 }}
    >
      <Typography.Title level={1} style={{ margin: 0, color: colors.text }}>
        {t(`outcome.${decision.outcome}`)}
        {member ? ` · ${member.name}` : ''}
      </Typography.Title>
      {member && (
        <Typography.Text style={{ fontSize: 18 }}>
          {t(`category.${member.category}`)} · {member.cardNo}
        </Typography.Text>
      )}
      {decision.reason !== 'OK' && (
        <Typography.Title level={3} style={{ margin: '8px 0 0', color: colors.text }} data-testid="check-in-reason">
          {t(`reason.${decision.reason}`)}
        </Typography.Title>
      )}
      {decision.warnings
        .filter((w) => w !== decision.reason)
        .map((w) => (
          <Typography.Paragraph key={w} style={{ margin: 0, color: colors.text }}>
            {t(`reason.${w}`)}
          </Typography.Paragraph>
        ))}
      {earlier && <Typography.Paragraph style={{ margin: 0 }}>{t('checkIn.earlier', { time: earlier })}</Typography.Paragraph>}
    </div>
  );
};
