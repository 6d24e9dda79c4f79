/**
 * Bookings: the exception queue first (what the server changed needs staff), then today's (or
 * any day's) timeline of venues and classes, or the week at a glance; create, move and cancel
 * from there. Everything reads and writes the local database, so it works the same offline.
 */
import { Alert, Button, Segmented, Space, Typography, message } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DAY_MS, dayTimeline, localDayStart, provisionalBySlot, toIso } from '../../../shared/domain/index';
import type { BookingDoc } from '../../../shared/schemas/index';
import { useStation } from '../../app/use-station';
import { useServices } from '../../app/services';
import { SignInCard } from '../staff/sign-in-card';
import { useSignInGate } from '../../session/use-staff';
import { cancelDeskBooking } from './booking-commands';
import { BookingDialog, type DialogRequest } from './booking-dialog';
import { localDay } from './booking-text';
import { DayTimelineView } from './day-timeline';
import { ExceptionQueue } from './exception-queue';
import { SlotDrawer, type SlotTarget } from './slot-drawer';
import { useBookingsRange, useLookup, useNow } from './use-bookings-data';
import { useDeskContext } from './use-desk-context';
import { WeekOverview } from './week-overview';

export const BookingsScreen = () => {
  const { t, i18n } = useTranslation();
  const { repos } = useServices();
  const station = useStation();
  const now = useNow();
  const gate = useSignInGate();
  const canAct = Boolean(station) && gate.ready && (!gate.required || gate.staff !== null);
  const deskContext = useDeskContext(station);
  const [view, setView] = useState<'day' | 'week'>('day');
  const [picked, setPicked] = useState<number | null>(null);
  const [target, setTarget] = useState<SlotTarget | null>(null);
  const [dialog, setDialog] = useState<DialogRequest | null>(null);
  // below the drawer's header, so a confirmation never covers its close button
  const [toast, holder] = message.useMessage({ top: 72 });

  const clock = station ?? { utcOffsetMinutes: 480 };
  const today = localDayStart(clock, now);
  const day = picked ?? today;
  const days = view === 'week' ? 7 : 1;
  const range = useMemo(() => ({ from: toIso(day), to: toIso(day + days * DAY_MS) }), [day, days]);
  const data = useBookingsRange(range);
  const timelines = useMemo(
    () =>
      station
        ? Array.from({ length: days }, (_, i) =>
            dayTimeline({ station, checkInWindowMinutes: station.rules.checkInWindowMinutes, day: day + i * DAY_MS, venues: data.venues, sessions: data.sessions, bookings: data.bookings, now }),
          )
        : [],
    [station, day, days, data, now],
  );
  const provisional = useMemo(() => provisionalBySlot(data.bookings), [data.bookings]);
  const members = useLookup(target ? data.bookings.filter((b) => b.slotKey === target.load.slotKey).map((b) => b.memberId) : [], repos.members.get);
  const liveTarget = target && timelines[0] ? refreshTarget(target, timelines[0]) : target;

  const cancel = async (b: BookingDoc) => {
    const ctx = deskContext();
    if (!ctx) return;
    try {
      const written = await cancelDeskBooking(ctx, b.id);
      void (written.length > 0 ? toast.success(t('bookings.action.cancelled')) : toast.info(t('bookings.action.nothingToCancel')));
    } catch (e) {
      void toast.error(t('bookings.dialog.failed', { message: (e as Error).message }));
    }
  };
  const done = (text: string) => void toast.success(text);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {holder}
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('bookings.title')}
        </Typography.Title>
        <Space wrap>
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'day' | 'week')}
            options={[
              { value: 'day', label: t('bookings.dayView') },
              { value: 'week', label: t('bookings.weekView') },
            ]}
            data-testid="booking-view"
          />
          <Button onClick={() => setPicked(day - DAY_MS)} aria-label={t('bookings.prevDay')}>
            ‹
          </Button>
          <Typography.Text strong data-testid="booking-day-label" style={{ minWidth: 110, textAlign: 'center', display: 'inline-block' }}>
            {localDay(clock, day, i18n.language)}
          </Typography.Text>
          <Button onClick={() => setPicked(day + DAY_MS)} aria-label={t('bookings.nextDay')} data-testid="booking-next-day">
            ›
          </Button>
          <Button onClick={() => setPicked(null)} disabled={day === today}>
            {t('bookings.today')}
          </Button>
          <Button type="primary" disabled={!canAct} onClick={() => setDialog({ mode: 'create', day })} data-testid="new-booking">
            {t('bookings.newBooking')}
          </Button>
        </Space>
      </Space>
      {!station && <Alert type="warning" showIcon message={t('checkIn.noStation')} />}
      {station && gate.ready && gate.required && !gate.staff && (
        <>
          <Alert type="info" showIcon message={t('bookings.signInFirst')} />
          <SignInCard staff={gate.active} stationId={station.id} />
        </>
      )}
      {station && <ExceptionQueue station={station} canAct={canAct} onRebook={(booking) => setDialog({ mode: 'rebook', booking })} onDone={done} />}
      {station && view === 'day' && timelines[0] && <DayTimelineView station={station} timeline={timelines[0]} faults={data.faults} provisional={provisional} onOpen={setTarget} />}
      {station && view === 'week' && (
        <WeekOverview
          station={station}
          days={timelines}
          venues={data.venues}
          faults={data.faults}
          onOpenDay={(d) => {
            setPicked(d);
            setView('day');
          }}
        />
      )}
      {station && (
        <SlotDrawer
          station={station}
          target={view === 'day' ? liveTarget : null}
          bookings={data.bookings}
          members={members}
          canAct={canAct}
          onClose={() => setTarget(null)}
          onBook={(tg) =>
            setDialog({ mode: 'create', day, slot: tg.session ? { kind: 'session', sessionId: tg.session.id } : { kind: 'venue', venueId: tg.venue!.id, startsAt: tg.load.startsAt } })
          }
          onMove={(booking) => setDialog({ mode: 'move', booking })}
          onCancel={(b) => void cancel(b)}
        />
      )}
      {station && dialog && <BookingDialog station={station} request={dialog} onClose={() => setDialog(null)} onDone={done} />}
    </Space>
  );
};

/** The open slot with its load recomputed from the live timeline (bookings change while it is open). */
const refreshTarget = (target: SlotTarget, timeline: ReturnType<typeof dayTimeline>): SlotTarget => {
  const key = target.load.slotKey;
  const load = timeline.venues.flatMap((r) => r.slots).find((s) => s.slotKey === key) ?? timeline.sessions.find((s) => s.load.slotKey === key)?.load;
  return load ? { ...target, load } : target;
};
