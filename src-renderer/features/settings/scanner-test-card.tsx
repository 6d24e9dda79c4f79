/**
 * Scanner test page (a card in settings): while focus is inside the card, every run of keys is
 * read by the same decoder the check-in screen uses and listed with its text, per-key intervals
 * and verdict, so staff can see whether their scanner is recognised and tune this desk's
 * thresholds (saved per desk). Outside the card, settings fields get keys untouched.
 */
import { Button, Card, Form, Input, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEFAULT_SCANNER_OPTIONS,
  SCANNER_OPTION_LIMITS,
  scannerSettings,
  useScannerInput,
  useScannerSettings,
  type ScannerOptions,
  type WedgeSequence,
} from '../../input/scanner/index';

const MAX_ROWS = 12;
const NUMERIC: (keyof typeof SCANNER_OPTION_LIMITS)[] = ['maxAvgIntervalMs', 'minLength', 'maxGapMs', 'debounceMs'];
const SWITCHES: ('flushWithoutTerminator' | 'tabTerminates')[] = ['flushWithoutTerminator', 'tabTerminates'];

interface Row extends WedgeSequence {
  key: number;
}

const VERDICT_COLORS: Record<WedgeSequence['verdict'], string> = {
  scanner: 'green',
  duplicate: 'blue',
  'too-short': 'default',
  'too-slow': 'default',
  'key-repeat': 'orange',
  'no-terminator': 'gold',
};

const round = (ms: number) => (Math.round(ms * 10) / 10).toString();

export const ScannerTestCard = () => {
  const { t } = useTranslation();
  const options = useScannerSettings();
  const [focused, setFocused] = useState(false);
  const [rows, setRows] = useState<Row[]>([]);
  const [field, setField] = useState('');

  const record = (sequence: WedgeSequence) => {
    // A lone key is just typing; it would flood the list.
    if (sequence.text.length < 2) return;
    setRows((prev) => [{ ...sequence, key: (prev[0]?.key ?? 0) + 1 }, ...prev].slice(0, MAX_ROWS));
  };
  useScannerInput(() => undefined, { enabled: focused, onSequence: record });

  const update = (patch: Partial<ScannerOptions>) => scannerSettings.set({ ...options, ...patch });

  return (
    <Card title={t('scanner.test.title')} data-testid="scanner-test">
      <div
        onFocus={() => setFocused(true)}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
        }}
      >
        <Typography.Paragraph type="secondary">{t('scanner.test.hint')}</Typography.Paragraph>
        <Form layout="vertical" onSubmitCapture={(e) => e.preventDefault()}>
          <Form.Item label={t('scanner.test.field')}>
            <Input
              data-testid="scanner-test-input"
              value={field}
              autoComplete="off"
              placeholder={t('scanner.test.fieldPlaceholder')}
              onChange={(e) => setField(e.target.value)}
              onPressEnter={() => setField('')}
            />
          </Form.Item>
        </Form>
        <Table<Row>
          size="small"
          data-testid="scanner-log"
          pagination={false}
          dataSource={rows}
          locale={{ emptyText: t('scanner.test.empty') }}
          onRow={(row) => ({ 'data-verdict': row.verdict }) as HTMLAttributes<HTMLElement>}
          columns={[
            { title: t('scanner.test.text'), dataIndex: 'text', render: (text: string) => <Typography.Text code>{text}</Typography.Text> },
            {
              title: t('scanner.test.verdict'),
              dataIndex: 'verdict',
              render: (verdict: Row['verdict'], row) => (
                <Space size={4} wrap>
                  <Tag color={VERDICT_COLORS[verdict]}>{t(`scanner.test.verdicts.${verdict}`)}</Tag>
                  {row.ime && <Tag>{t('scanner.test.ime')}</Tag>}
                </Space>
              ),
            },
            { title: t('scanner.test.average'), render: (_, row) => t('scanner.test.ms', { value: round(row.timings.avgIntervalMs) }) },
            {
              title: t('scanner.test.intervals'),
              render: (_, row) => <Typography.Text style={{ fontSize: 12 }}>{row.timings.intervals.map(round).join(' · ')}</Typography.Text>,
            },
            { title: t('scanner.test.terminator'), render: (_, row) => t(`scanner.test.terminators.${row.timings.terminator}`) },
          ]}
        />
        <Button size="small" style={{ marginTop: 8 }} onClick={() => setRows([])} disabled={rows.length === 0}>
          {t('scanner.test.clear')}
        </Button>
        <Typography.Title level={5} style={{ marginTop: 24 }}>
          {t('scanner.options.title')}
        </Typography.Title>
        <Form layout="vertical">
          <Space wrap size="middle">
            {NUMERIC.map((key) => (
              <Form.Item key={key} label={t(`scanner.options.${key}`)} style={{ marginBottom: 8, maxWidth: 300 }}>
                <InputNumber
                  data-testid={`scanner-option-${key}`}
                  min={SCANNER_OPTION_LIMITS[key].min}
                  max={SCANNER_OPTION_LIMITS[key].max}
                  value={options[key]}
                  onChange={(value) => typeof value === 'number' && update({ [key]: value })}
                />
              </Form.Item>
            ))}
          </Space>
          {SWITCHES.map((key) => (
            <Form.Item key={key} style={{ marginBottom: 8 }}>
              <Space>
                <Switch data-testid={`scanner-option-${key}`} checked={options[key]} onChange={(checked) => update({ [key]: checked })} />
                {t(`scanner.options.${key}`)}
              </Space>
            </Form.Item>
          ))}
          <Button data-testid="scanner-options-reset" onClick={() => scannerSettings.set({ ...DEFAULT_SCANNER_OPTIONS })}>
            {t('scanner.options.reset')}
          </Button>
        </Form>
      </div>
    </Card>
  );
};
