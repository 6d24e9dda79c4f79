/**
 * The booking dialog: create a booking, move one, or offer another slot from the exception
 * queue. Staff pick a member (card number, phone tail or name) and a slot of the next seven
 * days; the shared rule's verdict shows live (can book / joins the waitlist at place N / cannot
 * book and why) before anything is written.
 */
import { Alert, Form, Modal, Radio, Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DAY_MS, dayTimeline, localDayStart, noShowBan, toIso, type BookingDecision, type BookingSlotRequest } from '../../../shared/domain/index';
import type { BookingDoc, MemberDoc, StationDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { createBooking, moveDeskBooking, previewBooking, rebookFromException } from './booking-commands';
import { localDay, localTime, sessionTitle, slotText, venueName } from './booking-text';
import { MemberPicker } from './member-picker';
import { useBookingsRange, useNow } from './use-bookings-data';
import { useDeskContext } from './use-desk-context';

export type DialogRequest =
  | { mode: 'create'; memberId?: string; slot?: BookingSlotRequest; day?: number }
  | { mode: 'move' | 'rebook'; booking: BookingDoc };

interface Props {
  station: StationDoc;
  request: DialogRequest;
  onClose(): void;
  onDone(message: string): void;
}

/** The dialog's first slot fields: the slot clicked, or the moved booking's venue or class kind. */
const initialSlot = (request: DialogRequest) => {
  const empty = { kind: 'venue' as 'venue' | 'session', venueId: '', startsAt: '', sessionId: '' };
  if (request.mode !== 'create') return request.booking.sessionId ? { ...empty, kind: 'session' as const } : { ...empty, venueId: request.booking.venueId };
  const slot = request.slot;
  if (!slot) return empty;
  return slot.kind === 'session' ? { ...empty, kind: 'session' as const, sessionId: slot.sessionId } : { ...empty, venueId: slot.venueId, startsAt: toIso(slot.startsAt) };
};

const slotOf = (kind: 'venue' | 'session', venueId: string, startsAt: string, sessionId: string): BookingSlotRequest | null =>
  kind === 'session' ? (sessionId ? { kind, sessionId } : null) : venueId && startsAt ? { kind, venueId, startsAt } : null;

export const BookingDialog = ({ station, request, onClose, onDone }: Props) => {
  const { t, i18n } = useTranslation();
  const { repos } = useServices();
  const deskContext = useDeskContext(station);
  const now = useNow();
  const today = localDayStart(station, now);
  const initial = initialSlot(request);
  const [memberId, setMemberId] = useState(request.mode === 'create' ? (request.memberId ?? '') : request.booking.memberId);
  const [kind, setKind] = useState<'venue' | 'session'>(initial.kind);
  const [venueId, setVenueId] = useState(initial.venueId);
  const [startsAt, setStartsAt] = useState(initial.startsAt);
  const [sessionId, setSessionId] = useState(initial.sessionId);
  const [day, setDay] = useState(() => {
    const anchor = request.mode === 'create' ? (initial.startsAt || request.day) : request.booking.startsAt;
    return Math.max(today, localDayStart(station, anchor ?? today));
  });
  const [member, setMember] = useState<MemberDoc | null>(null);
  const [preview, setPreview] = useState<BookingDecision | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [bannedUntil, setBannedUntil] = useState<string | null>(null);

  const range = useMemo(() => ({ from: toIso(day), to: toIso(day + DAY_MS) }), [day]);
  const data = useBookingsRange(range);
  const timeline = useMemo(
    () => dayTimeline({ station, checkInWindowMinutes: station.rules.checkInWindowMinutes, day, venues: data.venues, sessions: data.sessions, bookings: data.bookings, now }),
    [station, day, data, now],
  );
  const slot = slotOf(kind, venueId, startsAt, sessionId);
  const waitlist = request.mode === 'create';

  useEffect(() => {
    void (memberId ? repos.members.get(memberId) : Promise.resolve(null)).then(setMember);
  }, [memberId, repos]);

  useEffect(() => {
    const ctx = deskContext();
    if (!ctx || !memberId || !slot) return setPreview(null);
    let live = true;
    void previewBooking(ctx, memberId, slot, waitlist).then((decision) => live && setPreview(decision));
    return () => {
      live = false;
    };
  }, [memberId, JSON.stringify(slot), waitlist, data.bookings, data.faults, deskContext]); // eslint-disable-line react-hooks/exhaustive-deps -- slot by value

  useEffect(() => {
    if (preview?.reason !== 'BANNED') return setBannedUntil(null);
    void repos.bookings.forMember(memberId).then((own) => setBannedUntil(noShowBan(own, now, station.rules).until));
  }, [preview?.reason, memberId, repos, now, station]);

  const submit = async () => {
    const ctx = deskContext();
    if (!ctx || !slot || !preview || preview.status === 'rejected' || busy) return;
    setBusy(true);
    setError(null);
    try {
      const label = (b: Pick<BookingDoc, 'startsAt' | 'endsAt' | 'venueId' | 'sessionId'>) => slotText(station, b, { venues: data.venueMap, sessions: data.sessionMap }, i18n.language);
      if (request.mode === 'create') {
        const flagged = preview.flags.includes('FLAGGED_FAULT');
        const result = await createBooking(ctx, memberId, slot, { waitlist: true, ...(flagged ? { faultNote: t('bookings.dialog.faultNote') } : {}) });
        if (!result.booking) return setError(t('bookings.dialog.refused', { reason: t(`bookingReason.${result.decision.reason}`) }));
        const name = member?.name ?? memberId;
        onDone(
          result.booking.status === 'waitlisted'
            ? t('bookings.dialog.doneWaitlist', { member: name, position: result.decision.waitlistPosition })
            : t('bookings.dialog.done', { member: name, slot: label(result.booking) }),
        );
      } else {
        const note = preview.slot ? t('bookings.exceptions.rebookNote', { slot: label(preview.slot) }) : '';
        const faultNote = preview.flags.includes('FLAGGED_FAULT') ? t('bookings.dialog.faultNote') : undefined;
        const result =
          request.mode === 'move'
            ? await moveDeskBooking(ctx, request.booking.id, slot, false, faultNote)
            : await rebookFromException(ctx, request.booking.id, slot, note, faultNote);
        if (!result.ok) return setError(t('bookings.dialog.refused', { reason: refusalText(result.reason) }));
        onDone(t('bookings.dialog.moved', { slot: label(result.booking) }));
      }
      onClose();
    } catch (e) {
      setError(t('bookings.dialog.failed', { message: (e as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const refusalText = (reason: string) => (reason === 'NOT_MOVABLE' ? t('bookings.refusal.NOT_MOVABLE') : t(`bookingReason.${reason}`));
  const venueRow = timeline.venues.find((r) => r.venue.id === venueId);
  const title = request.mode === 'create' ? t('bookings.dialog.createTitle') : request.mode === 'move' ? t('bookings.dialog.moveTitle') : t('bookings.dialog.rebookTitle');
  const okText = request.mode !== 'create' ? t('bookings.dialog.submitMove') : preview?.status === 'waitlisted' ? t('bookings.dialog.submitWaitlist') : t('bookings.dialog.submit');

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: !preview || preview.status === 'rejected', loading: busy, id: 'booking-submit' }}
      destroyOnHidden
      data-testid="booking-dialog"
    >
      <Form layout="vertical">
        <Form.Item label={t('bookings.dialog.member')}>
          <MemberPicker value={memberId} member={member} disabled={request.mode !== 'create'} onChange={setMemberId} />
        </Form.Item>
        <Form.Item label={t('bookings.dialog.kind')}>
          <Radio.Group value={kind} onChange={(e) => setKind(e.target.value as 'venue' | 'session')} optionType="button" data-testid="booking-kind">
            <Radio.Button value="venue">{t('bookings.dialog.kindVenue')}</Radio.Button>
            <Radio.Button value="session">{t('bookings.dialog.kindClass')}</Radio.Button>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={t('bookings.dialog.date')}>
          <Select
            data-testid="booking-day"
            value={day}
            onChange={(d: number) => {
              setDay(d);
              setStartsAt('');
              setSessionId('');
            }}
            options={Array.from({ length: 7 }, (_, i) => today + i * DAY_MS).map((d) => ({ value: d, label: localDay(station, d, i18n.language) }))}
          />
        </Form.Item>
        {kind === 'venue' ? (
          <>
            <Form.Item label={t('bookings.dialog.venue')}>
              <Select
                data-testid="booking-venue"
                value={venueId || undefined}
                onChange={(v: string) => {
                  setVenueId(v);
                  setStartsAt('');
                }}
                options={timeline.venues.map((r) => ({ value: r.venue.id, label: venueName(r.venue, i18n.language) }))}
              />
            </Form.Item>
            <Form.Item label={t('bookings.dialog.time')}>
              <Select
                data-testid="booking-time"
                value={startsAt || undefined}
                onChange={(v: string) => setStartsAt(v)}
                options={(venueRow?.slots ?? []).filter((s) => !s.over).map((s) => ({ value: s.startsAt, label: t('bookings.dialog.slotOption', { time: localTime(station, s.startsAt), free: s.free }) }))}
              />
            </Form.Item>
          </>
        ) : (
          <Form.Item label={t('bookings.dialog.session')}>
            <Select
              data-testid="booking-session"
              value={sessionId || undefined}
              onChange={(v: string) => setSessionId(v)}
              options={timeline.sessions
                .filter((r) => !r.load.over)
                .map((r) => ({ value: r.session.id, label: `${localTime(station, r.session.startsAt)} ${sessionTitle(r.session, i18n.language)}（${t('bookings.free', { count: r.load.free })}）` }))}
            />
          </Form.Item>
        )}
      </Form>
      <Verdict preview={preview} />
      {bannedUntil && <Alert type="error" style={{ marginTop: 8 }} message={t('bookings.dialog.bannedUntil', { date: localDay(station, bannedUntil, i18n.language) })} />}
      {error && <Alert type="error" showIcon message={error} style={{ marginTop: 12 }} data-testid="booking-error" />}
    </Modal>
  );
};

const Verdict = ({ preview }: { preview: BookingDecision | null }) => {
  const { t } = useTranslation();
  if (!preview) return <Alert type="info" message={t('bookings.dialog.pick')} />;
  const flagged = preview.flags.includes('FLAGGED_FAULT') && preview.status !== 'rejected';
  return (
    <div data-testid="booking-verdict" data-status={preview.status} data-reason={preview.reason}>
      {preview.status === 'confirmed' && <Alert type="success" showIcon message={t('bookings.dialog.willConfirm')} />}
      {preview.status === 'waitlisted' && <Alert type="warning" showIcon message={t('bookings.dialog.willWaitlist', { position: preview.waitlistPosition })} />}
      {preview.status === 'rejected' && <Alert type="error" showIcon message={t('bookings.dialog.refused', { reason: t(`bookingReason.${preview.reason}`) })} />}
      {flagged && <Alert type="warning" showIcon style={{ marginTop: 8 }} message={t('bookings.dialog.faultWarning')} />}
    </div>
  );
};
