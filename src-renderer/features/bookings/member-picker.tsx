/** Choosing a member in the booking dialog: type a card number, the phone's last four digits or a name. */
import { Select, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';

interface Props {
  value: string;
  member: MemberDoc | null;
  disabled?: boolean;
  onChange(memberId: string): void;
}

const label = (m: MemberDoc) => `${m.name || '—'}  ${m.cardNo}  ${m.phoneMasked}`;

export const MemberPicker = ({ value, member, disabled, onChange }: Props) => {
  const { t } = useTranslation();
  const { repos } = useServices();
  const [found, setFound] = useState<MemberDoc[]>([]);
  const [searched, setSearched] = useState('');
  const latest = useRef('');
  const options = [...(member && !found.some((m) => m.id === member.id) ? [member] : []), ...found]
    .filter((m) => m.source !== 'provisional')
    .map((m) => ({ value: m.id, label: label(m) }));
  return (
    <Select
      showSearch
      data-testid="booking-member"
      value={value || undefined}
      disabled={disabled}
      placeholder={t('bookings.dialog.memberPlaceholder')}
      filterOption={false}
      onSearch={(q) => {
        setSearched(q);
        latest.current = q;
        // answers may come back out of order while staff type: only the latest query's counts
        void repos.members.search(q, 20).then((list) => latest.current === q && setFound(list));
      }}
      onChange={(id: string) => onChange(id)}
      notFoundContent={searched.trim() ? <Typography.Text type="secondary">{t('bookings.dialog.memberNotFound')}</Typography.Text> : null}
      options={options}
    />
  );
};
