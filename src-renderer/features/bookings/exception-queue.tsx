/**
 * The exception queue (docs/sync-protocol.md): every booking of this desk the server refused or changed, and
 * every booking flagged for an equipment fault, with the reason in the UI language and what staff
 * can do — offer another slot, cancel, or acknowledge with a note. An entry leaves the queue only
 * through one of those actions, each recorded in the booking and synced.
 */
import { Alert, Button, Card, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exceptionActions, exceptionKind } from '../../../shared/domain/index';
import type { BookingDoc, StationDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { acknowledgeVerdict, cancelDeskBooking } from './booking-commands';
import { bookingNote, slotText, STATUS_COLOR } from './booking-text';
import { useLookup, useVenues } from './use-bookings-data';
import { useDeskContext } from './use-desk-context';
import { useExceptions } from './use-exceptions';

interface Props {
  station: StationDoc;
  canAct: boolean;
  onRebook(booking: BookingDoc): void;
  onDone(message: string): void;
}

export const ExceptionQueue = ({ station, canAct, onRebook, onDone }: Props) => {
  const { t, i18n } = useTranslation();
  const { repos } = useServices();
  const deskContext = useDeskContext(station);
  const exceptions = useExceptions();
  const venues = useVenues();
  const members = useLookup(exceptions.map((b) => b.memberId), repos.members.get);
  const sessions = useLookup(exceptions.map((b) => b.sessionId), repos.sessions.get);
  const [acking, setAcking] = useState<BookingDoc | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (exceptions.length === 0) return null;
  const names = { venues: new Map(venues.map((v) => [v.id, v])), sessions };

  const run = async (action: () => Promise<unknown>, done: string) => {
    setError(null);
    try {
      await action();
      onDone(done);
    } catch (e) {
      setError(t('bookings.dialog.failed', { message: (e as Error).message }));
    }
  };
  const cancel = (b: BookingDoc) => {
    const ctx = deskContext();
    if (ctx) void run(() => cancelDeskBooking(ctx, b.id), t('bookings.action.cancelled'));
  };
  const acknowledge = async () => {
    const ctx = deskContext();
    if (!ctx || !acking) return;
    await run(() => acknowledgeVerdict(ctx, acking.id, note), t('bookings.exceptions.ackDone'));
    setAcking(null);
    setNote('');
  };

  return (
    <Card title={`${t('bookings.exceptions.title')} (${exceptions.length})`} size="small" data-testid="exception-queue" styles={{ header: { background: '#fff1f0' } }}>
      <Typography.Paragraph type="secondary">{t('bookings.exceptions.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Table<BookingDoc>
        size="small"
        rowKey="id"
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        dataSource={exceptions}
        onRow={(b) => ({ 'data-testid': 'exception-row', 'data-reason': b.reason, 'data-status': b.status }) as object}
        columns={[
          { title: t('bookings.column.slot'), key: 'slot', render: (_: unknown, b) => slotText(station, b, names, i18n.language) },
          { title: t('bookings.column.member'), key: 'member', render: (_: unknown, b) => `${members.get(b.memberId)?.name ?? b.memberId} ${members.get(b.memberId)?.cardNo ?? ''}` },
          {
            title: t('bookings.column.what'),
            key: 'what',
            render: (_: unknown, b) => (
              <Space direction="vertical" size={0}>
                <Typography.Text strong>{t(`bookings.exceptions.kind.${exceptionKind(b) ?? 'rejected'}`)}</Typography.Text>
                <Space size="small">
                  <Tag color={STATUS_COLOR[b.status]}>{t(`bookings.status.${b.status}`)}</Tag>
                  <span data-testid="exception-reason">{bookingNote(t, b)}</span>
                </Space>
              </Space>
            ),
          },
          {
            title: t('bookings.column.actions'),
            key: 'actions',
            render: (_: unknown, b) => (
              <Space size="small" wrap>
                {exceptionActions(b).map((action) =>
                  action === 'cancel' ? (
                    <Popconfirm key={action} title={t('bookings.action.cancelConfirm')} onConfirm={() => cancel(b)} okText={t('common.confirm')} cancelText={t('common.cancel')} disabled={!canAct}>
                      <Button size="small" danger disabled={!canAct} data-testid="exception-cancel">
                        {t('bookings.action.cancel')}
                      </Button>
                    </Popconfirm>
                  ) : (
                    <Button key={action} size="small" disabled={!canAct} data-testid={`exception-${action}`} onClick={() => (action === 'rebook' ? onRebook(b) : setAcking(b))}>
                      {t(`bookings.action.${action}`)}
                    </Button>
                  ),
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={acking !== null}
        title={t('bookings.exceptions.ackTitle')}
        onCancel={() => setAcking(null)}
        onOk={() => void acknowledge()}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        okButtonProps={{ id: 'exception-ack-submit' }}
      >
        <Input.TextArea data-testid="exception-note" value={note} maxLength={500} rows={3} placeholder={t('bookings.exceptions.notePlaceholder')} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </Card>
  );
};
