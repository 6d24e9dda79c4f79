/**
 * Roster import from CSV (`cardNo,name,phone,category,status,validUntil`, header row required).
 * Valid rows are upserted by card number; invalid rows are reported by line and skipped, so a
 * corrected file can simply be imported again (unchanged rows are not rewritten).
 */
import type { StationDoc } from '../../../shared/schemas/index';
import type { Database } from '../../db/database';
import { ApiError } from '../../errors';
import { upsertMembersByCard, type MemberFields } from '../../repositories/members';
import { CsvSyntaxError, parseCsv, type CsvRecord } from './csv';
import { parseMemberRow, readHeader, type RowError } from './member-rows';

/** Errors listed in the answer; `errorCount` has the total. */
const ERRORS_SHOWN = 200;
export const IMPORT_ROWS_MAX = 100_000;

export interface ImportReport {
  imported: number;
  updated: number;
  unchanged: number;
  errors: RowError[];
  errorCount: number;
}

const records = (text: string): CsvRecord[] => {
  try {
    return parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new ApiError(400, 'BAD_REQUEST', `The CSV cannot be read: ${error.message}`);
    throw error;
  }
};

export const importMembersCsv = async (
  db: Database,
  station: StationDoc,
  text: string,
  options: { now: number; writtenBy: string },
): Promise<ImportReport> => {
  const [head, ...rows] = records(text);
  const header = readHeader(head);
  if ('problem' in header) throw new ApiError(400, 'BAD_REQUEST', header.problem);
  if (rows.length > IMPORT_ROWS_MAX) throw new ApiError(413, 'BATCH_TOO_LARGE', `At most ${IMPORT_ROWS_MAX} members per import; split the file`);

  const errors: RowError[] = [];
  const valid: MemberFields[] = [];
  const firstLine = new Map<string, number>();
  for (const record of rows) {
    const parsed = parseMemberRow(record, header.columns, head!.cells.length, station.utcOffsetMinutes);
    if (typeof parsed === 'string') {
      errors.push({ line: record.line, message: parsed });
      continue;
    }
    const earlier = firstLine.get(parsed.cardNo);
    if (earlier !== undefined) {
      errors.push({ line: record.line, message: `cardNo ${parsed.cardNo} already appears on line ${earlier}` });
      continue;
    }
    firstLine.set(parsed.cardNo, record.line);
    valid.push(parsed);
  }
  const result = await upsertMembersByCard(db, station.id, valid, options);
  return { ...result, errors: errors.slice(0, ERRORS_SHOWN), errorCount: errors.length };
};
