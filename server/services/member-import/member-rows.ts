/**
 * Validates roster rows from a CSV import and turns them into member fields.
 *
 * PII (PIPL, docs/architecture.md "Data model"): a full phone number is never stored, on the server either. It is masked
 * here, before anything is written: `13812345678` → `138****5678` plus the tail `5678` for
 * manual search at the desk. Only name, masked phone, card number, category, status and validity
 * are kept; any other column is refused rather than silently dropped.
 */
import { MEMBER_CATEGORIES, MEMBER_STATUSES, type MemberCategory, type MemberStatus } from '../../../shared/schemas/index';
import { hasControlChars } from '../../../shared/text';
import type { MemberFields } from '../../repositories/members';
import type { CsvRecord } from './csv';

export const MEMBER_COLUMNS = ['cardNo', 'name', 'phone', 'category', 'status', 'validUntil'] as const;
type Column = (typeof MEMBER_COLUMNS)[number];

export interface RowError {
  line: number;
  message: string;
}

/** Column positions from the header row, or the reason the header is unusable. */
export const readHeader = (record: CsvRecord | undefined): { columns: Record<Column, number> } | { problem: string } => {
  const expected = MEMBER_COLUMNS.join(',');
  if (!record) return { problem: `The file is empty; the first line must be the header ${expected}` };
  const names = record.cells.map((c) => c.trim().toLowerCase());
  const columns = {} as Record<Column, number>;
  for (const column of MEMBER_COLUMNS) {
    const at = names.indexOf(column.toLowerCase());
    if (at < 0) return { problem: `The header (line ${record.line}) has no column "${column}"; expected ${expected}` };
    columns[column] = at;
  }
  const extra = names.filter((n) => !MEMBER_COLUMNS.some((c) => c.toLowerCase() === n));
  if (extra.length > 0) return { problem: `Unexpected column(s) ${extra.map((e) => `"${e.slice(0, 30)}"`).join(', ')}; only ${expected} are imported` };
  return { columns };
};

const CATEGORY_ALIASES: Record<string, MemberCategory> = {
  会员: 'union-member',
  工会会员: 'union-member',
  职工: 'union-member',
  快递员: 'courier',
  外卖员: 'courier',
  快递: 'courier',
  司机: 'driver',
  货车司机: 'driver',
  儿童: 'child',
  家属: 'family',
  其他: 'other',
};
const STATUS_ALIASES: Record<string, MemberStatus> = { 正常: 'active', 有效: 'active', 暂停: 'suspended', 停用: 'suspended', 过期: 'expired', 失效: 'expired' };

const CARD_NO = /^[0-9A-Za-z-]{1,40}$/;
const MOBILE = /^1[3-9]\d{9}$/;
const MASKED = /^(1[3-9]\d)\*{4}(\d{4})$/;

/** Masks a phone number; '' stays ''. Accepts +86 / spaces / hyphens, or an already masked number. */
export const maskPhone = (raw: string): { phoneMasked: string; phoneTail: string } | null => {
  const compact = raw.replace(/[\s-]/g, '').replace(/^(\+86|0086)/, '');
  if (compact === '') return { phoneMasked: '', phoneTail: '' };
  const masked = MASKED.exec(compact);
  if (masked) return { phoneMasked: compact, phoneTail: masked[2]! };
  if (!MOBILE.test(compact)) return null;
  return { phoneMasked: `${compact.slice(0, 3)}****${compact.slice(7)}`, phoneTail: compact.slice(7) };
};

/** `2027-12-31` (end of that day in the station's time zone) or a UTC timestamp → ISO UTC. */
export const parseValidUntil = (raw: string, utcOffsetMinutes: number): string | null => {
  const day = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(raw);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const endOfDay = Date.UTC(y, m - 1, d, 23, 59, 59, 0);
    const check = new Date(endOfDay);
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
    return new Date(endOfDay - utcOffsetMinutes * 60_000).toISOString();
  }
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/.test(raw) && !Number.isNaN(Date.parse(raw))) return new Date(raw).toISOString();
  return null;
};

const codePoints = (text: string) => [...text].length;

/** One data row → member fields, or the first problem found. */
export const parseMemberRow = (record: CsvRecord, columns: Record<Column, number>, width: number, utcOffsetMinutes: number): MemberFields | string => {
  if (record.cells.length !== width) return `expected ${width} columns, found ${record.cells.length}`;
  const cell = (c: Column) => (record.cells[columns[c]] ?? '').trim();
  const cardNo = cell('cardNo');
  if (!CARD_NO.test(cardNo)) return `cardNo "${cardNo.slice(0, 40)}" must be 1–40 letters, digits or hyphens`;
  const name = cell('name');
  if (name === '' || codePoints(name) > 60 || hasControlChars(name)) return 'name must be 1–60 characters on one line';
  const phone = maskPhone(cell('phone'));
  if (!phone) return 'phone must be an 11-digit mainland mobile number (or empty)';
  const categoryText = cell('category');
  const category = (MEMBER_CATEGORIES as readonly string[]).includes(categoryText) ? (categoryText as MemberCategory) : CATEGORY_ALIASES[categoryText];
  if (!category) return `category "${categoryText.slice(0, 30)}" must be one of ${MEMBER_CATEGORIES.join(', ')}`;
  const statusText = cell('status') || 'active';
  const status = (MEMBER_STATUSES as readonly string[]).includes(statusText) ? (statusText as MemberStatus) : STATUS_ALIASES[statusText];
  if (!status) return `status "${statusText.slice(0, 30)}" must be one of ${MEMBER_STATUSES.join(', ')}`;
  const validUntil = parseValidUntil(cell('validUntil'), utcOffsetMinutes);
  if (!validUntil) return 'validUntil must be a date like 2027-12-31 (or a UTC timestamp)';
  return { cardNo, name, ...phone, category, status, validUntil };
};
