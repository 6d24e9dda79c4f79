/**
 * The check-in screen: a badge field that always has focus, the big result panel, today's
 * count and occupancy, and the last 20 attempts. Everything reads from the local database.
 */
import { Alert, Card, Col, Form, Input, Row, Statistic, Typography } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { occupancy } from '../../../shared/domain/occupancy';
import type { CheckInDoc, MemberDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { useStation, useTodayRange } from '../../app/use-station';
import { useSubscription } from '../../app/use-subscription';
import { BADGE_MAX_LENGTH, parseBadgeInput } from './badge-input';
import { checkInCard } from './check-in-command';
import { RecentList } from './recent-list';
import { ResultPanel, type PanelState } from './result-panel';

const useMemberNames = (checkins: CheckInDoc[]) => {
  const { repos } = useServices();
  const [names, setNames] = useState(new Map<string, string>());
  useEffect(() => {
    const missing = [...new Set(checkins.map((c) => c.memberId).filter((id) => id && !names.has(id)))];
    if (missing.length === 0) return;
    void Promise.all(missing.map((id) => repos.members.get(id))).then((found) => {
      setNames((prev) => {
        const next = new Map(prev);
        found.forEach((m: MemberDoc | null) => m && next.set(m.id, m.name));
        return next;
      });
    });
  }, [checkins, names, repos]);
  return names;
};

export const CheckInScreen = () => {
  const { t } = useTranslation();
  const services = useServices();
  const station = useStation();
  const range = useTodayRange(station);
  const today = useSubscription<CheckInDoc[]>((l) => services.repos.checkins.subscribeBetween(range, l), [], [services.repos, range.from]);
  const names = useMemberNames(today.slice(0, 20));
  const [value, setValue] = useState('');
  const [busy, setBusy] = useState(false);
  const [panel, setPanel] = useState<PanelState>({ kind: 'idle' });
  const [saveError, setSaveError] = useState<string | null>(null);
  const input = useRef<InputRef>(null);

  useEffect(() => input.current?.focus(), [station]);
  const inside = useMemo(() => (station ? occupancy(today, station, services.now()) : 0), [today, station, services]);

  const submit = async () => {
    if (!station || busy) return;
    const parsed = parseBadgeInput(value);
    if (!parsed.ok) {
      setPanel({ kind: 'input-error', message: t(`checkIn.badInput.${parsed.error}`, { max: BADGE_MAX_LENGTH }) });
      setValue('');
      return;
    }
    setBusy(true);
    setSaveError(null);
    try {
      const result = await checkInCard(
        {
          repos: services.repos,
          station,
          deskId: services.identity.device.deviceId,
          staffId: services.identity.staffId,
          online: services.isOnline(),
          now: services.now(),
        },
        parsed.value,
        'manual',
      );
      setPanel({ kind: 'result', result });
    } catch (error) {
      setSaveError(t('checkIn.saveFailed', { message: (error as Error).message }));
      setPanel({ kind: 'idle' });
    } finally {
      setBusy(false);
      setValue('');
      input.current?.focus();
    }
  };

  return (
    <Row gutter={[24, 24]}>
      <Col xs={24} lg={14}>
        <Typography.Title level={3}>{t('checkIn.title')}</Typography.Title>
        {!station && <Alert type="warning" showIcon message={t('checkIn.noStation')} data-testid="no-station" style={{ marginBottom: 16 }} />}
        <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label={t('checkIn.inputLabel')}>
            <Input
              ref={input}
              data-testid="badge-input"
              size="large"
              value={value}
              disabled={!station}
              maxLength={BADGE_MAX_LENGTH * 2}
              placeholder={t('checkIn.inputPlaceholder')}
              onChange={(e) => setValue(e.target.value)}
              onPressEnter={() => void submit()}
              autoComplete="off"
              style={{ fontSize: 24 }}
            />
          </Form.Item>
        </Form>
        {saveError && <Alert type="error" showIcon message={saveError} style={{ marginBottom: 16 }} />}
        <ResultPanel state={panel} />
      </Col>
      <Col xs={24} lg={10}>
        <Row gutter={16}>
          <Col span={12}>
            <Card>
              <Statistic title={t('checkIn.todayCount')} value={today.length} valueStyle={{ fontSize: 36 }} data-testid="today-count" />
            </Card>
          </Col>
          <Col span={12}>
            <Card>
              <Statistic
                title={t('checkIn.occupancy')}
                value={inside}
                suffix={station?.capacity ? `/ ${station.capacity}` : undefined}
                valueStyle={{ fontSize: 36 }}
                data-testid="occupancy"
              />
            </Card>
          </Col>
        </Row>
      </Col>
      <Col span={24}>
        <Typography.Title level={4}>{t('checkIn.recent')}</Typography.Title>
        <RecentList checkins={today.slice(0, 20)} names={names} />
      </Col>
    </Row>
  );
};
