/**
 * One slot opened from the timeline: its load, every booking in it (holding a place first, then
 * the waitlist in order, then the rest), and the actions staff take there: book, move, cancel.
 */
import { Button, Drawer, Empty, List, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { compareWaitlist, holdsPlace, isCancellable, isProvisionalBooking, type SlotLoad } from '../../../shared/domain/index';
import type { BookingDoc, MemberDoc, SessionDoc, StationDoc, VenueDoc } from '../../../shared/schemas/index';
import { bookingNote, loadText, localDay, localTime, sessionTitle, STATUS_COLOR, venueName } from './booking-text';

export interface SlotTarget {
  kind: 'venue' | 'session';
  venue: VenueDoc | null;
  session: SessionDoc | null;
  load: SlotLoad;
}

interface Props {
  station: StationDoc;
  target: SlotTarget | null;
  bookings: readonly BookingDoc[];
  members: ReadonlyMap<string, MemberDoc>;
  canAct: boolean;
  onClose(): void;
  onBook(target: SlotTarget): void;
  onMove(booking: BookingDoc): void;
  onCancel(booking: BookingDoc): void;
}

const rank = (b: BookingDoc) => (holdsPlace(b.status) ? 0 : b.status === 'waitlisted' ? 1 : 2);

export const SlotDrawer = ({ station, target, bookings, members, canAct, onClose, onBook, onMove, onCancel }: Props) => {
  const { t, i18n } = useTranslation();
  if (!target) return null;
  const { load } = target;
  const list = bookings.filter((b) => b.slotKey === load.slotKey).sort((a, b) => rank(a) - rank(b) || compareWaitlist(a, b));
  const waitlist = list.filter((b) => b.status === 'waitlisted');
  const name = target.session ? sessionTitle(target.session, i18n.language) : venueName(target.venue, i18n.language);
  return (
    <Drawer
      open
      width={520}
      onClose={onClose}
      title={`${name} · ${localDay(station, load.startsAt, i18n.language)} ${localTime(station, load.startsAt)}–${localTime(station, load.endsAt)}`}
      data-testid="slot-drawer"
      extra={
        <Button type="primary" disabled={!canAct || load.over} onClick={() => onBook(target)} data-testid="slot-book">
          {t('bookings.slot.book')}
        </Button>
      }
    >
      <Typography.Paragraph strong data-testid="slot-load">
        {t('bookings.slot.load', loadText(load))}
      </Typography.Paragraph>
      {list.length === 0 ? (
        <Empty description={t('bookings.slot.empty')} />
      ) : (
        <List
          data-testid="slot-bookings"
          dataSource={list}
          renderItem={(b) => {
            const member = members.get(b.memberId);
            const position = b.status === 'waitlisted' ? waitlist.findIndex((w) => w.id === b.id) + 1 : 0;
            return (
              <List.Item
                data-testid="slot-booking"
                data-status={b.status}
                data-provisional={isProvisionalBooking(b)}
                data-member={member?.cardNo ?? b.memberId}
                actions={
                  canAct && isCancellable(b.status)
                    ? [
                        <Button key="move" size="small" onClick={() => onMove(b)}>
                          {t('bookings.action.move')}
                        </Button>,
                        <Popconfirm key="cancel" title={t('bookings.action.cancelConfirm')} onConfirm={() => onCancel(b)} okText={t('common.confirm')} cancelText={t('common.cancel')}>
                          <Button size="small" danger data-testid="booking-cancel">
                            {t('bookings.action.cancel')}
                          </Button>
                        </Popconfirm>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={
                    <Space>
                      <span>{member?.name ?? b.memberId}</span>
                      <Typography.Text type="secondary">{member?.cardNo}</Typography.Text>
                      <Tag color={STATUS_COLOR[b.status]}>{t(`bookings.status.${b.status}`)}</Tag>
                      {isProvisionalBooking(b) && (
                        <Tooltip title={t('bookings.provisionalHint')}>
                          <Tag color="gold" data-testid="booking-provisional">
                            {t('bookings.provisional')}
                          </Tag>
                        </Tooltip>
                      )}
                    </Space>
                  }
                  description={
                    <Space size="small" wrap>
                      {position > 0 ? t('bookings.position', { position }) : bookingNote(t, b)}
                      <Tag>{t(`bookings.source.${b.source}`)}</Tag>
                    </Space>
                  }
                />
              </List.Item>
            );
          }}
        />
      )}
    </Drawer>
  );
};
