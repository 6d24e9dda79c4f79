/** An item's log, newest first: each event with its time, who recorded it, its note and photo. */
import { Empty, Image, Tag, Timeline, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { sortEvents } from '../../../shared/domain/index';
import type { EquipmentEvent, EquipmentLogDoc, StaffDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { useSubscription } from '../../app/use-subscription';
import { formatTime } from './equipment-text';

const EVENT_COLOR: Record<EquipmentEvent, string> = {
  'fault-reported': 'red',
  'repair-started': 'blue',
  repaired: 'green',
  inspected: 'green',
  retired: 'gray',
};

export const LogTimeline = ({ logs }: { logs: EquipmentLogDoc[] }) => {
  const { t, i18n } = useTranslation();
  const { repos, identity } = useServices();
  const staff = useSubscription<StaffDoc[]>((l) => repos.staff.subscribeActive(l), [], [repos]);
  const names = useMemo(() => new Map(staff.map((s) => [s.id, s.name])), [staff]);
  const events = useMemo(() => sortEvents(logs).reverse(), [logs]);
  if (events.length === 0) return <Empty description={t('equipment.detail.noLog')} />;
  return (
    <Timeline
      data-testid="equipment-log"
      items={events.map((e) => ({
        key: e.id,
        color: EVENT_COLOR[e.event],
        content: (
          <div data-testid="log-event" data-event={e.event}>
            <div>
              <Typography.Text strong>{t(`equipment.event.${e.event}`)}</Typography.Text>
              {e.severity && (
                <Tag color={e.severity === 'high' ? 'error' : e.severity === 'medium' ? 'warning' : 'default'} style={{ marginLeft: 8 }}>
                  {t(`equipment.severity.${e.severity}`)}
                </Tag>
              )}
            </div>
            <Typography.Text type="secondary">
              {formatTime(e.at, i18n.language)} · {t('equipment.detail.by', {
                staff: names.get(e.staffId) ?? (e.staffId || t('equipment.detail.noStaff')),
                desk: e.deskId && e.deskId === identity.device.deviceId ? t('equipment.detail.thisDesk') : t('equipment.detail.otherDesk'),
              })}
            </Typography.Text>
            {e.description && <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>{e.description}</Typography.Paragraph>}
            {e.photo && <Image src={e.photo} alt={t('equipment.detail.photo')} width={180} style={{ marginTop: 6, borderRadius: 4 }} data-testid="log-photo" />}
          </div>
        ),
      }))}
    />
  );
};
