/**
 * Equipment: the station's inventory with statuses derived from the log, 30-day downtime and
 * MTTR per item and for the station, the venues that faults block, and the workflows — scan a
 * label (or pick an item) to report a fault with an optional photo, follow it through repair,
 * print QR labels. Everything reads and writes the local database: it works the same offline.
 */
import { PrinterOutlined, WarningOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Space, Typography, message } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useStation } from '../../app/use-station';
import { SignInCard } from '../staff/sign-in-card';
import { useSignInGate } from '../../session/use-staff';
import { parseAssetTag } from './asset-tag-input';
import { CameraTagScan } from './camera-tag-scan';
import { EquipmentDrawer } from './equipment-drawer';
import { FaultReportModal } from './fault-report-modal';
import { InventoryTable } from './inventory-table';
import { printEquipmentLabels } from './labels/print-labels';
import type { LifecycleEvent } from './lifecycle';
import { LifecycleModal } from './lifecycle-modal';
import { StationSummary } from './station-summary';
import { useEquipmentOverview } from './use-equipment-overview';

export const EquipmentScreen = () => {
  const { t, i18n } = useTranslation();
  const { repos, bridge } = useServices();
  const station = useStation();
  const overview = useEquipmentOverview();
  const gate = useSignInGate();
  // records name the staff on duty: sign-in first once the station has staff (as check-in does)
  const canAct = Boolean(station) && gate.ready && (!gate.required || gate.staff !== null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [fault, setFault] = useState<{ equipmentId: string | null } | null>(null);
  const [lifecycle, setLifecycle] = useState<{ id: string; event: LifecycleEvent } | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [scan, setScan] = useState('');
  const [scanError, setScanError] = useState<string | null>(null);
  const scanInput = useRef<InputRef>(null);

  useEffect(() => {
    if (canAct) scanInput.current?.focus();
  }, [canAct]);
  const rowOf = useMemo(() => new Map(overview.rows.map((r) => [r.item.id, r])), [overview.rows]);
  const outOfService = overview.rows.filter((r) => r.state.status === 'out-of-service' || r.state.status === 'under-repair').length;
  const lifecycleItem = lifecycle ? rowOf.get(lifecycle.id)?.item : undefined;

  const onScan = () => {
    const parsed = parseAssetTag(scan);
    setScan('');
    if (parsed.ok) void openTag(parsed.tag);
    else setScanError(parsed.error === 'empty' ? null : t('equipment.scanBad'));
  };

  /** A scanned label opens the fault report for that item (a retired item: its detail). */
  const openTag = async (tag: string) => {
    const item = await repos.equipment.findByTag(tag);
    if (!item) {
      setScanError(t('equipment.scanNotFound', { tag }));
      return;
    }
    setScanError(null);
    if (rowOf.get(item.id)?.state.status === 'retired') setOpenId(item.id);
    else setFault({ equipmentId: item.id });
  };

  const print = async (ids: string[]) => {
    const chosen = new Set(ids);
    const items = overview.rows.filter((r) => chosen.size === 0 || chosen.has(r.item.id)).map((r) => r.item);
    if (items.length === 0) return;
    try {
      const result = await printEquipmentLabels(bridge, items, { title: `${t('equipment.printTitle')} ${station?.name ?? ''}`, stationName: station?.name ?? '', lang: i18n.language });
      if (result.path) void message.success(t('equipment.printSaved', { path: result.path }));
      else if (result.ok) void message.info(t('equipment.printOpened'));
    } catch (error) {
      void message.error(t('equipment.printFailed', { message: (error as Error).message }));
    }
  };

  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap' }} align="start">
        <Typography.Title level={3}>{t('equipment.title')}</Typography.Title>
        <Space wrap>
          <Button danger type="primary" icon={<WarningOutlined />} onClick={() => setFault({ equipmentId: null })} disabled={!canAct || overview.rows.length === 0} data-testid="report-fault">
            {t('equipment.reportFault')}
          </Button>
          <Button icon={<PrinterOutlined />} onClick={() => void print(selected)} disabled={overview.rows.length === 0} data-testid="print-labels">
            {selected.length > 0 ? t('equipment.printSelected', { count: selected.length }) : t('equipment.printLabels')}
          </Button>
        </Space>
      </Space>
      {station && gate.ready && gate.required && !gate.staff && (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
          <Alert type="info" showIcon title={t('equipment.signInFirst')} />
          <SignInCard staff={gate.active} stationId={station.id} />
        </Space>
      )}
      <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
        <Form.Item label={t('equipment.scanLabel')} validateStatus={scanError ? 'error' : ''} help={scanError}>
          <Space.Compact style={{ width: '100%' }}>
            <Input
              ref={scanInput}
              value={scan}
              onChange={(e) => setScan(e.target.value)}
              onPressEnter={onScan}
              disabled={!canAct}
              placeholder={t('equipment.scanPlaceholder')}
              autoComplete="off"
              maxLength={80}
              data-testid="equipment-scan"
            />
            <CameraTagScan disabled={!canAct} onTag={(tag) => void openTag(tag)} />
          </Space.Compact>
        </Form.Item>
      </Form>
      <StationSummary station={overview.station} outOfService={outOfService} venues={overview.venues} venueFaults={overview.venueFaults} />
      <InventoryTable rows={overview.rows} venues={overview.venues} selected={selected} onSelect={setSelected} onOpen={setOpenId} />
      <EquipmentDrawer
        row={openId ? (rowOf.get(openId) ?? null) : null}
        venues={overview.venues}
        canAct={canAct}
        onClose={() => setOpenId(null)}
        onReportFault={(id) => setFault({ equipmentId: id })}
        onLifecycle={(id, event) => setLifecycle({ id, event })}
        onPrint={(ids) => void print(ids)}
      />
      <FaultReportModal open={fault !== null} equipmentId={fault?.equipmentId ?? null} rows={overview.rows} onClose={() => setFault(null)} />
      <LifecycleModal target={lifecycle && lifecycleItem ? { item: lifecycleItem, event: lifecycle.event } : null} onClose={() => setLifecycle(null)} />
    </>
  );
};
