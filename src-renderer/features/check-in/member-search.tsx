/**
 * Manual search (F7): by card number prefix, name, or the last four phone digits. ↑↓ choose,
 * Enter picks (check-in, or check-out in check-out mode, with method 'manual'), Esc closes.
 */
import { Input, List, Tag, Typography } from 'antd';
import type { InputRef } from 'antd';
import { forwardRef, memo, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MemberDoc } from '../../../shared/schemas/index';
import { useServices } from '../../app/services';
import { memberLabel } from './result-panel';

export interface MemberSearchHandle {
  focus(): void;
  clear(): void;
  /** Searches for this text (typed into the card field by mistake) and moves focus here. */
  search(query: string): void;
}

const STATUS_COLORS = { active: 'green', suspended: 'red', expired: 'default' } as const;
/** Hits shown; one more is asked for, to say when there are more than these. */
const LIMIT = 8;

export const MemberSearch = memo(
  forwardRef<MemberSearchHandle, { disabled?: boolean; onPick(member: MemberDoc): void; onDone(): void }>(
  function MemberSearch({ disabled, onPick, onDone }, ref) {
    const { t } = useTranslation();
    const { repos } = useServices();
    const input = useRef<InputRef>(null);
    const [query, setQuery] = useState('');
    const [results, setResults] = useState<MemberDoc[]>([]);
    const [more, setMore] = useState(false);
    const [active, setActive] = useState(0);

    useImperativeHandle(
      ref,
      () => ({
        focus: () => input.current?.focus(),
        clear: () => setQuery(''),
        search: (text) => {
          setQuery(text);
          setTimeout(() => input.current?.focus(), 0);
        },
      }),
      [],
    );

    useEffect(() => {
      const q = query.trim();
      if (!q) {
        setResults([]);
        return;
      }
      let current = true;
      const timer = setTimeout(() => {
        void repos.members.search(q, LIMIT + 1).then((found) => {
          if (!current) return;
          setResults(found.slice(0, LIMIT));
          setMore(found.length > LIMIT);
          setActive(0);
        });
      }, 120);
      return () => {
        current = false;
        clearTimeout(timer);
      };
    }, [query, repos]);

    const pick = (member: MemberDoc | undefined) => {
      if (!member) return;
      onPick(member);
      setQuery('');
      onDone();
    };

    return (
      <div>
        <Input
          ref={input}
          data-testid="member-search"
          size="large"
          allowClear
          disabled={disabled}
          value={query}
          placeholder={t('checkIn.search.placeholder')}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const step = e.key === 'ArrowDown' ? 1 : -1;
              setActive((i) => (results.length ? (i + step + results.length) % results.length : 0));
            } else if (e.key === 'Enter') {
              e.preventDefault();
              pick(results[active]);
            } else if (e.key === 'Escape') {
              e.stopPropagation();
              setQuery('');
              onDone();
            }
          }}
        />
        {query.trim() !== '' && (
          <List
            data-testid="search-results"
            size="small"
            bordered
            style={{ marginTop: 4, background: '#fff' }}
            locale={{ emptyText: t('checkIn.search.empty') }}
            dataSource={results}
            footer={
              results.length > 0 ? (
                <Typography.Text type="secondary">
                  {more && (
                    <span data-testid="search-more">
                      {t('checkIn.search.more', { count: LIMIT })}
                      {' · '}
                    </span>
                  )}
                  {t('checkIn.search.hint')}
                </Typography.Text>
              ) : undefined
            }
            renderItem={(m, i) => (
              <List.Item
                data-testid="search-result"
                aria-selected={i === active}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(m)}
                style={{ cursor: 'pointer', background: i === active ? '#e6f4ff' : undefined }}
              >
                <Typography.Text strong>{memberLabel(t, m, m.cardNo)}</Typography.Text>
                <Typography.Text type="secondary">
                  {m.cardNo} · {m.phoneMasked || '—'} · {t(`category.${m.category}`)}
                </Typography.Text>
                <Tag color={STATUS_COLORS[m.status]}>{t(`checkIn.search.status.${m.status}`)}</Tag>
              </List.Item>
            )}
          />
        )}
      </div>
    );
  }),
);
