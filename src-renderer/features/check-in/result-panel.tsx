/**
 * The big result panel: green admitted, amber admitted with a warning, red denied; blue for a
 * check-out. The member's name and category, the reason in the desk's language (Chinese by
 * default), the earlier check-in of a duplicate, and who approved an override.
 */
import { Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDoc } from '../../../shared/schemas/index';
import type { CheckInResult } from './check-in-command';
import type { PanelState } from './use-check-in-desk';

const COLORS = {
  admit: { background: '#e8f7ec', border: '#2f9e44', text: '#1b5e20' },
  'admit-with-warning': { background: '#fff6e0', border: '#f08c00', text: '#7a4a00' },
  deny: { background: '#fdecec', border: '#e03131', text: '#8b1a1a' },
  'checked-out': { background: '#e7f1fd', border: '#1971c2', text: '#0b3d75' },
} as const;

export const memberLabel = (t: TFunction, member: MemberDoc | null, badge: string): string =>
  member?.name ? member.name : t('checkIn.panel.unregisteredCard', { card: member?.cardNo ?? badge });

/**
 * Who a result is about. A pass that does not verify names no one and shows no text of its own;
 * a verified pass of a member the roster lacks says so — never "unregistered card <pass text>".
 */
export const resultLabel = (t: TFunction, result: Pick<CheckInResult, 'member' | 'scan' | 'decision'>): string => {
  if (result.member?.name || result.scan !== 'pass') return memberLabel(t, result.member, result.decision.badge);
  return result.decision.memberId === '' ? t('checkIn.panel.invalidPass') : t('checkIn.panel.passMemberUnknown');
};

const Frame = ({ outcome, reason, colors, children }: { outcome: string; reason?: string; colors?: (typeof COLORS)[keyof typeof COLORS]; children: ReactNode }) => (
  <div
    data-testid="check-in-result"
    data-outcome={outcome}
    data-reason={reason}
    role="status"
    aria-live="assertive"
    style={{
      padding: 24,
      borderRadius: 12,
      minHeight: 150,
      background: colors?.background,
      border: colors ? `3px solid ${colors.border}` : `3px dashed ${outcome === 'input-error' ? '#e03131' : '#ced4da'}`,
    }}
  >
    {children}
  </div>
);

export const ResultPanel = ({ state, action }: { state: PanelState; action?: ReactNode }) => {
  const { t, i18n } = useTranslation();
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language);

  if (state.kind === 'idle' || state.kind === 'input-error' || state.kind === 'hint') {
    const isError = state.kind === 'input-error';
    return (
      <Frame outcome={state.kind}>
        <Typography.Title level={3} style={{ margin: 0, color: isError ? '#8b1a1a' : state.kind === 'hint' ? '#0b3d75' : '#868e96' }}>
          {state.kind === 'idle' ? t('checkIn.ready') : state.message}
        </Typography.Title>
      </Frame>
    );
  }

  if (state.kind === 'check-out') {
    const { outcome } = state;
    if (outcome.kind !== 'checked-out') {
      const colors = COLORS['admit-with-warning'];
      const who = outcome.kind === 'not-inside' ? memberLabel(t, outcome.member, outcome.badge) : '';
      return (
        <Frame outcome={outcome.kind} colors={colors}>
          <Typography.Title level={2} style={{ margin: 0, color: colors.text }}>
            {outcome.kind === 'not-inside' ? `${t('checkIn.checkOut.notInside')} · ${who}` : t('checkIn.checkOut.passRefused')}
          </Typography.Title>
        </Frame>
      );
    }
    const colors = COLORS['checked-out'];
    return (
      <Frame outcome="checked-out" colors={colors}>
        <Typography.Title level={1} style={{ margin: 0, color: colors.text }}>
          {t('checkIn.checkOut.done')} · {memberLabel(t, outcome.member, outcome.badge)}
        </Typography.Title>
        {outcome.visits.map((v) => (
          <Typography.Paragraph key={v.id} style={{ margin: 0, fontSize: 18, color: colors.text }}>
            {t('checkIn.checkOut.visit', { from: time(v.at), to: time(v.checkedOutAt!) })}
          </Typography.Paragraph>
        ))}
      </Frame>
    );
  }

  const { decision, member } = state.result;
  const colors = COLORS[decision.outcome];
  return (
    <Frame outcome={decision.outcome} reason={decision.reason} colors={colors}>
      <Typography.Title level={1} style={{ margin: 0, color: colors.text }} data-testid="check-in-who">
        {t(`outcome.${decision.outcome}`)} · {resultLabel(t, state.result)}
      </Typography.Title>
      {member?.name && (
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
      {decision.earlier && <Typography.Paragraph style={{ margin: 0 }}>{t('checkIn.earlier', { time: time(decision.earlier.at) })}</Typography.Paragraph>}
      {state.approvedBy && (
        <Typography.Paragraph style={{ margin: 0, color: colors.text }} data-testid="override-approved-by">
          {t('checkIn.override.approvedBy', { name: state.approvedBy })}
        </Typography.Paragraph>
      )}
      {action && <div style={{ marginTop: 12 }}>{action}</div>}
    </Frame>
  );
};
