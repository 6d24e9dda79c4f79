/**
 * The check-in screen: a scan anywhere on it (keyboard-wedge scanner) or a typed card number →
 * or a camera read → the big result panel with its sound; manual search; check-out mode; the manager's override;
 * today's count and occupancy; the last 20 attempts; the review list of provisional admissions.
 * Staff sign in first wherever the station has staff records. Every action works by keyboard;
 * its commands are one list (desk-commands.ts) that the keys, the buttons and the shortcut bar read.
 */
import { Alert, Button, Col, Form, Row } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInDoc, CheckInMethod, MemberDoc } from '../../../shared/schemas/index';
import { useStation } from '../../app/use-station';
import { SignInCard } from '../staff/sign-in-card';
import { useSignInGate } from '../../session/use-staff';
import type { CheckInResult } from './check-in-command';
import { BadgeField, type BadgeFieldHandle } from './badge-field';
import { CameraScanner } from '../../input/camera/index';
import { DeskActivity } from './desk-activity';
import { dispatchKey, runCommand } from '../../app/commands';
import { ShortcutBar } from '../../app/shortcut-bar';
import { DESK_COMMANDS, deskKey, type DeskCommandContext, type DeskCommandId, type DeskCommandState } from './desk-commands';
import { DeskToolbar } from './desk-toolbar';
import { playOutcomeSound } from './feedback-sound';
import { MemberSearch, type MemberSearchHandle } from './member-search';
import { OverrideDialog } from './override-dialog';
import { ResultPanel } from './result-panel';
import { ReviewDrawer, useReviewTickets } from './review-drawer';
import { useScannerInput, type ScannerScan } from '../../input/scanner/index';
import { typedEntry } from './badge-input';
import { overridable, useCheckInDesk } from './use-check-in-desk';

export const CheckInScreen = () => {
  const { t } = useTranslation();
  const station = useStation();
  const gate = useSignInGate();
  const desk = useCheckInDesk(station);
  const tickets = useReviewTickets();
  const [overrideFor, setOverrideFor] = useState<CheckInResult | null>(null);
  const [reviewOpen, setReviewOpen] = useState(false);
  const [cameraOn, setCameraOn] = useState(false);
  const badge = useRef<BadgeFieldHandle>(null);
  const search = useRef<MemberSearchHandle>(null);

  const signedIn = !gate.required || gate.staff !== null;
  const ready = station !== null && gate.ready && signedIn;
  const hasManager = gate.active.some((s) => s.role === 'manager');
  const state: DeskCommandState = {
    ready,
    canOverride: hasManager && overridable(desk.panel),
    dialogOpen: overrideFor !== null || reviewOpen,
  };

  const focusInput = useCallback(() => setTimeout(() => badge.current?.focus(), 0), []);
  useEffect(() => {
    if (ready) badge.current?.focus();
  }, [ready, desk.mode]);

  // the sound of each new result
  const { panel } = desk;
  useEffect(() => {
    if (panel.kind === 'result') playOutcomeSound(panel.result.decision.outcome);
    else if (panel.kind === 'check-out') playOutcomeSound(panel.outcome.kind === 'checked-out' ? 'admit' : 'admit-with-warning');
    else if (panel.kind === 'input-error') playOutcomeSound('deny');
  }, [panel]);

  // Stable callbacks: the field and the recent list are memoised and must not re-render with each
  // result (a scan's panel paints sooner; see badge-field.tsx).
  const { submitText, submitScan, checkOutVisit, showHint } = desk;
  const submit = useCallback(
    (text: string, method: CheckInMethod) => {
      if (!ready) return;
      void submitText(text, method).then(focusInput);
    },
    [ready, submitText, focusInput],
  );
  // Enter in the card field: an empty one keeps the last result; a name goes to the search.
  const submitTyped = useCallback(
    (text: string) => {
      const entry = typedEntry(text);
      if (entry.kind === 'check') submit(entry.text, 'manual');
      else if (entry.kind === 'search' && ready) {
        search.current?.search(entry.query);
        showHint(t('checkIn.badInput.searchInstead', { query: entry.query }));
      }
    },
    [submit, ready, showHint, t],
  );
  const onScanned = useCallback(
    (scan: ScannerScan) => {
      if (ready) void submitScan(scan).then(focusInput);
    },
    [ready, submitScan, focusInput],
  );

  // A result belongs to the staff member who caused it: it leaves the screen when they sign out.
  const onDuty = gate.staff?.id ?? null;
  const { clear: clearPanel } = desk;
  useEffect(() => {
    clearPanel();
    badge.current?.clear();
    search.current?.clear();
  }, [onDuty, clearPanel]);
  const checkOutFromList = useMemo(
    () => (ready ? (visit: CheckInDoc) => void checkOutVisit(visit).then(focusInput) : undefined),
    [ready, checkOutVisit, focusInput],
  );

  useScannerInput(onScanned, { enabled: ready && !state.dialogOpen });

  const commands: DeskCommandContext = {
    submitField: () => badge.current?.submit(),
    clear: () => {
      badge.current?.clear();
      search.current?.clear();
      desk.clear();
      focusInput();
    },
    focusSearch: () => search.current?.focus(),
    openOverride: () => {
      if (panel.kind === 'result') setOverrideFor(panel.result);
    },
    toggleCheckOutMode: desk.toggleMode,
    toggleReview: () => setReviewOpen((open) => !open),
  };
  const run = (id: DeskCommandId) => runCommand(DESK_COMMANDS, id, state, commands);

  // the memoised children get callbacks that never change, calling the latest `run`
  const latestRun = useRef(run);
  latestRun.current = run;
  const onCamera = useCallback(() => setCameraOn((on) => !on), []);
  const onCheckOutMode = useCallback(() => latestRun.current('check-out-mode'), []);
  const onReview = useCallback(() => latestRun.current('review'), []);
  const { pickMember, showOverride } = desk;
  const onPick = useCallback((m: MemberDoc) => void pickMember(m), [pickMember]);
  const closeOverride = useCallback(() => {
    setOverrideFor(null);
    focusInput();
  }, [focusInput]);
  const closeReview = useCallback(() => {
    setReviewOpen(false);
    focusInput();
  }, [focusInput]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => void dispatchKey(DESK_COMMANDS, event, state, commands);
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const checkingOut = desk.mode === 'check-out';
  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={14}>
        <DeskToolbar
          ready={ready}
          checkingOut={checkingOut}
          cameraOn={cameraOn}
          reviewCount={tickets.length}
          onCamera={onCamera}
          onCheckOutMode={onCheckOutMode}
          onReview={onReview}
        />
        {ready && cameraOn && (
          <CameraScanner onScan={(scan) => submit(scan.text, scan.method)} active={!state.dialogOpen} style={{ maxWidth: 480, marginTop: 12 }} />
        )}
        {!station && <Alert type="warning" showIcon message={t('checkIn.noStation')} data-testid="no-station" style={{ margin: '16px 0' }} />}
        {station && gate.ready && !signedIn && (
          <>
            <Alert type="info" showIcon message={t('staff.required')} style={{ margin: '16px 0' }} />
            <SignInCard staff={gate.active} stationId={station.id} />
          </>
        )}
        {(ready || !station) && (
          <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()} style={{ marginTop: 16 }}>
            {checkingOut && <Alert type="info" showIcon message={t('checkIn.checkOut.modeHint', { key: deskKey('check-out-mode') })} style={{ marginBottom: 12 }} />}
            <Form.Item label={checkingOut ? t('checkIn.checkOut.inputLabel') : t('checkIn.inputLabel')}>
              <BadgeField handle={badge} disabled={!ready} placeholder={t('checkIn.inputPlaceholder')} onSubmit={submitTyped} />
            </Form.Item>
            <Form.Item label={t('checkIn.search.label', { key: deskKey('search') })} style={{ marginBottom: 16 }}>
              <MemberSearch ref={search} disabled={!ready} onPick={onPick} onDone={focusInput} />
            </Form.Item>
          </Form>
        )}
        {desk.saveError && <Alert type="error" showIcon message={desk.saveError} style={{ marginBottom: 16 }} />}
        <ResultPanel
          state={panel}
          action={
            state.canOverride && (
              <Button danger size="large" onClick={() => run('override')} data-testid="override-button">
                {t('checkIn.override.button', { key: deskKey('override') })}
              </Button>
            )
          }
        />
        <ShortcutBar commands={DESK_COMMANDS} state={state} />
      </Col>
      <DeskActivity station={station} onCheckOut={checkOutFromList} />
      <OverrideDialog
        denied={overrideFor}
        context={desk.context}
        onClose={closeOverride}
        onDone={showOverride}
      />
      <ReviewDrawer
        open={reviewOpen}
        station={station}
        onClose={closeReview}
      />
    </Row>
  );
};
