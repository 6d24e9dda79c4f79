/**
 * The check-in screen's state and actions: the mode (check-in or check-out), the result panel,
 * and the commands a scan, a typed card number or a member picked in the search run. Actions run
 * one after another (a scanner burst queues, nothing is dropped); a failed save is shown, never
 * swallowed.
 */
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInDoc, CheckInMethod, MemberDoc, StationDoc } from '../../../shared/schemas/index';
import { useServices, type Services } from '../../app/services';
import { parsePass } from '../../../shared/passes/index';
import { splitScan } from '../../input/scanner/burst-split';
import type { ScannerScan } from '../../input/scanner/index';
import { BADGE_MAX_LENGTH, parseBadgeInput } from './badge-input';
import { checkInMember, checkInScan, type CheckInContext, type CheckInResult } from './check-in-command';
import { checkOutMember, checkOutRecord, checkOutScan, type CheckOutOutcome } from './check-out-command';

export type DeskMode = 'check-in' | 'check-out';

export type PanelState =
  | { kind: 'idle' }
  | { kind: 'input-error'; message: string }
  | { kind: 'hint'; message: string }
  | { kind: 'result'; result: CheckInResult; overridden: boolean; approvedBy?: string }
  | { kind: 'check-out'; outcome: Exclude<CheckOutOutcome, { kind: 'input-error' | 'unreadable' }> };

/**
 * Whether the roster can be taken as current (an unknown card is then denied, not admitted
 * provisionally): the network is up, sync is not failing, and the first sync has finished.
 */
export const rosterOnline = (services: Pick<Services, 'isOnline' | 'sync'>): boolean => {
  const { state, initialSync } = services.sync.current();
  return services.isOnline() && state !== 'offline' && state !== 'error' && state !== 'revoked' && !initialSync.active;
};

/** A whole code, for cutting two codes read as one run apart: a whole pass, or a card of the roster. */
export const isWholeCode = async (ctx: Pick<CheckInContext, 'repos'>, text: string): Promise<boolean> => {
  if (parsePass(text).ok) return true;
  const card = parseBadgeInput(text);
  return card.ok && (await ctx.repos.members.findByCard(card.value)) !== null;
};

/** A denial on the panel that a manager may still override. */
export const overridable = (panel: PanelState): panel is Extract<PanelState, { kind: 'result' }> =>
  panel.kind === 'result' && !panel.overridden && panel.result.record !== null && panel.result.decision.outcome === 'deny';

export const useCheckInDesk = (station: StationDoc | null) => {
  const { t } = useTranslation();
  const services = useServices();
  const [mode, setMode] = useState<DeskMode>('check-in');
  const [panel, setPanel] = useState<PanelState>({ kind: 'idle' });
  const [saveError, setSaveError] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const context = useCallback(
    (s: StationDoc): CheckInContext => ({
      repos: services.repos,
      station: s,
      deskId: services.identity.device.deviceId,
      staffId: services.identity.staffId,
      online: rosterOnline(services),
      now: services.now(),
    }),
    [services],
  );

  const run = useCallback(
    (task: (ctx: CheckInContext) => Promise<PanelState | null>): Promise<void> => {
      if (!station) return Promise.resolve();
      queue.current = queue.current.then(async () => {
        try {
          const next = await task(context(station));
          if (next) setPanel(next);
          setSaveError(null);
        } catch (error) {
          setSaveError(t('checkIn.saveFailed', { message: (error as Error).message }));
          setPanel({ kind: 'idle' });
        }
      });
      return queue.current;
    },
    [station, context, t],
  );

  const fromCheckOut = useCallback(
    (outcome: CheckOutOutcome): PanelState =>
      outcome.kind === 'input-error'
        ? { kind: 'input-error', message: t(`checkIn.badInput.${outcome.error}`, { max: BADGE_MAX_LENGTH }) }
        : outcome.kind === 'unreadable'
          ? { kind: 'input-error', message: t('checkIn.panel.unreadable') }
          : { kind: 'check-out', outcome },
    [t],
  );

  /** What one scanned or typed text shows, by the current mode (recording it). */
  const decideText = useCallback(
    async (ctx: CheckInContext, text: string, method: CheckInMethod): Promise<PanelState> => {
      if (mode === 'check-out') return fromCheckOut(await checkOutScan(ctx, text));
      const outcome = await checkInScan(ctx, text, method);
      if (outcome.kind === 'unreadable') return { kind: 'input-error', message: t('checkIn.panel.unreadable') };
      return outcome.kind === 'input-error'
        ? { kind: 'input-error', message: t(`checkIn.badInput.${outcome.error}`, { max: BADGE_MAX_LENGTH }) }
        : { kind: 'result', result: outcome.result, overridden: false };
    },
    [fromCheckOut, t, mode],
  );

  /** A card number or pass typed (or read by the camera), by the current mode. */
  const submitText = useCallback((text: string, method: CheckInMethod) => run((ctx) => decideText(ctx, text, method)), [run, decideText]);

  /**
   * A keyboard-wedge scan. Two codes sent less than the decoder's pause apart arrive as one run:
   * cut where a whole code ends at a clear pause (burst-split.ts) and take each in turn.
   */
  const submitScan = useCallback(
    (scan: ScannerScan) =>
      run(async (ctx) => {
        const pieces = await splitScan(scan, (text) => isWholeCode(ctx, text));
        for (const piece of pieces.slice(0, -1)) setPanel(await decideText(ctx, piece, scan.method));
        return decideText(ctx, pieces.at(-1) ?? scan.text, scan.method);
      }),
    [run, decideText],
  );

  /** A member picked in the search, by the current mode. */
  const pickMember = useCallback(
    (member: MemberDoc) =>
      run(async (ctx) =>
        mode === 'check-out'
          ? fromCheckOut(await checkOutMember(ctx, member))
          : { kind: 'result', result: await checkInMember(ctx, member), overridden: false },
      ),
    [run, fromCheckOut, mode],
  );

  /** The check-out button on a visit in the recent list. */
  const checkOutVisit = useCallback(
    (visit: CheckInDoc) =>
      run(async (ctx) => {
        const result = await checkOutRecord(ctx, visit);
        if (!result.ok) return { kind: 'input-error', message: t(`checkIn.checkOut.refused.${result.error}`) };
        const member = visit.memberId ? await ctx.repos.members.get(visit.memberId) : null;
        return { kind: 'check-out', outcome: { kind: 'checked-out', member, badge: visit.badge, visits: [result.doc, ...result.others] } };
      }),
    [run, t],
  );

  const currentContext = useCallback(() => (station ? context(station) : null), [station, context]);

  const showOverride = useCallback((result: CheckInResult, approvedBy: string) => {
    setPanel({ kind: 'result', result, overridden: true, approvedBy });
  }, []);

  /** A word for staff on the panel that records nothing (typed text went to the search). */
  const showHint = useCallback((message: string) => setPanel({ kind: 'hint', message }), []);
  const clear = useCallback(() => setPanel({ kind: 'idle' }), []);

  return {
    mode,
    toggleMode: () => setMode((m) => (m === 'check-in' ? 'check-out' : 'check-in')),
    panel,
    clear,
    showHint,
    saveError,
    context: currentContext,
    submitText,
    submitScan,
    pickMember,
    checkOutVisit,
    showOverride,
  };
};
