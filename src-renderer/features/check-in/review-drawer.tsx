/**
 * "待复核 review" (F10): cards admitted provisionally while offline (provisional-review.ts), with
 * whether the synced roster knows each card now. Confirm a match, register a walk-in, or block.
 */
import { Button, Drawer, Form, Input, message as antMessage, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { memo, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WalkInFields } from '../../../shared/domain/provisional-review';
import { MEMBER_CATEGORIES, type MemberDoc, type StationDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { blockTicket, confirmMatch, loadReviewItems, registerTicket, type ReviewItem } from './provisional-review';

/** Open review tickets, live. */
export const useReviewTickets = (): MemberDoc[] => {
  const { repos } = useServices();
  const [tickets, setTickets] = useState<MemberDoc[]>([]);
  useEffect(() => repos.members.subscribeProvisional(setTickets), [repos]);
  return tickets;
};

const RegisterForm = ({ onSubmit }: { onSubmit(fields: WalkInFields): Promise<string | null> }) => {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  return (
    <Form<WalkInFields>
      layout="inline"
      initialValues={{ name: '', phoneTail: '', category: 'other' }}
      onFinish={async (fields) => setError(await onSubmit(fields))}
      data-testid="review-register-form"
    >
      <Form.Item name="name" label={t('checkIn.review.name')}>
        <Input autoFocus maxLength={60} data-testid="review-name" />
      </Form.Item>
      <Form.Item name="phoneTail" label={t('checkIn.review.phoneTail')}>
        <Input maxLength={4} style={{ width: 80 }} data-testid="review-phone-tail" />
      </Form.Item>
      <Form.Item name="category" label={t('checkIn.review.category')}>
        <Select style={{ width: 120 }} options={MEMBER_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))} />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="review-register-submit">
        {t('checkIn.review.register')}
      </Button>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
    </Form>
  );
};

export const ReviewDrawer = memo(function ReviewDrawer({ open, station, onClose }: { open: boolean; station: StationDoc | null; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const { repos, now } = useServices();
  const [message, messageHolder] = antMessage.useMessage();
  const tickets = useReviewTickets();
  const [items, setItems] = useState<ReviewItem[]>([]);
  const [registering, setRegistering] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    void loadReviewItems(repos, tickets).then((loaded) => current && setItems(loaded));
    return () => {
      current = false;
    };
  }, [open, tickets, repos]);

  const done = () => void message.success(t('checkIn.review.done'));

  return (
    <Drawer open={open} onClose={onClose} width={760} title={t('checkIn.review.title')} destroyOnHidden>
      {messageHolder}
      <Typography.Paragraph type="secondary">{t('checkIn.review.hint')}</Typography.Paragraph>
      <Table<ReviewItem>
        data-testid="review-list"
        rowKey={(item) => item.ticket.id}
        size="small"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('checkIn.review.empty') }}
        expandable={{
          expandedRowKeys: registering ? [registering] : [],
          showExpandColumn: false,
          expandedRowRender: (item) => (
            <RegisterForm
              onSubmit={async (fields) => {
                if (!station) return null;
                const result = await registerTicket(repos, station, item.ticket, fields, now());
                if (!result.ok) return t(`checkIn.review.error.${result.error}`);
                setRegistering(null);
                done();
                return null;
              }}
            />
          ),
        }}
        columns={[
          { title: t('checkIn.review.card'), render: (_, item) => item.ticket.cardNo },
          {
            title: t('checkIn.review.firstSeen'),
            render: (_, item) => {
              const first = item.visits.at(-1);
              return first ? new Date(first.at).toLocaleString(i18n.language) : '—';
            },
          },
          { title: t('checkIn.review.visits'), width: 90, render: (_, item) => item.visits.length },
          {
            title: t('checkIn.review.state'),
            render: (_, item) =>
              item.state.kind === 'known' ? (
                <Tag color="green" data-testid="review-state">{t('checkIn.review.known', { name: item.state.member.name })}</Tag>
              ) : (
                <Tag color="orange" data-testid="review-state">{t('checkIn.review.unknown')}</Tag>
              ),
          },
          {
            title: '',
            render: (_, item) =>
              item.state.kind === 'known' ? (
                <Button size="small" type="primary" data-testid="review-confirm" onClick={() => void confirmMatch(repos, item).then(done)}>
                  {t('checkIn.review.confirm')}
                </Button>
              ) : (
                <Space>
                  <Button size="small" data-testid="review-register" onClick={() => setRegistering(registering === item.ticket.id ? null : item.ticket.id)}>
                    {t('checkIn.review.register')}
                  </Button>
                  <Popconfirm title={t('checkIn.review.blockConfirm')} onConfirm={() => void blockTicket(repos, item.ticket, now()).then(done)}>
                    <Button size="small" danger data-testid="review-block">
                      {t('checkIn.review.block')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </Drawer>
  );
});
