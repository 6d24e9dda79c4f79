/**
 * The live half of the check-in screen: today's count and occupancy (with the trust data's age)
 * and the recent list. It holds the live queries itself, so a new check-in re-renders these
 * parts only — never the result panel and the field, which must paint first after a scan.
 */
import { Col, Typography } from 'antd';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInDoc, StationDoc } from '../../../shared/schemas/index';
import { CheckInStats } from './check-in-stats';
import { RecentList } from './recent-list';
import { TrustAge } from './trust-age';
import { useDeskData } from './use-desk-data';

export interface DeskActivityProps {
  station: StationDoc | null;
  onCheckOut?(visit: CheckInDoc): void;
}

/** Two columns of the screen's row: the figures beside the panel, the recent list below. */
export const DeskActivity = memo(function DeskActivity({ station, onCheckOut }: DeskActivityProps) {
  const { t } = useTranslation();
  const data = useDeskData(station);
  return (
    <>
      <Col xs={24} lg={10}>
        <CheckInStats today={data.admitted} denied={data.denied} inside={data.occupancy} capacity={station?.capacity ?? 0} />
        {station && (
          <div style={{ marginTop: 12 }}>
            <TrustAge maxAgeHours={station.rules.trustMaxAgeHours} />
          </div>
        )}
      </Col>
      <Col span={24}>
        <Typography.Title level={4}>{t('checkIn.recent')}</Typography.Title>
        <RecentList checkins={data.recent} names={data.names} inside={data.inside} onCheckOut={onCheckOut} />
      </Col>
    </>
  );
});
