import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { docProblem } from '../sync/doc-validation';
import { ADMIN, createAuthFixture, errorCode, STATION, type AuthFixture } from '../../testing/auth-fixture';

let f: AuthFixture;
beforeAll(async () => {
  f = await createAuthFixture();
  await f.createStation();
});
afterAll(() => f.dispose());

const importCsv = (csv: string | Buffer, station = STATION, contentType = 'text/csv; charset=utf-8') =>
  f.app.inject({ method: 'POST', url: `/api/admin/stations/${station}/members/import`, headers: { ...ADMIN, 'content-type': contentType }, payload: csv });

const members = async () =>
  (await f.db.query<{ data: Record<string, unknown> }>(`SELECT data FROM sync_docs WHERE station_id = $1 AND collection = 'members' ORDER BY data ->> 'cardNo'`, [STATION])).rows.map((r) => r.data);

const HEADER = 'cardNo,name,phone,category,status,validUntil';

describe('CSV roster import', () => {
  test('valid rows are imported with masked phones; the full number is stored nowhere', async () => {
    const csv = [HEADER, '320000000001,张伟,13812345678,union-member,active,2027-12-31', '320000000002,"李,娜",,courier,,2026-06-30', '320000000003,王芳,139 1111 2222,司机,暂停,2027-01-01'].join('\r\n');
    const res = await importCsv(`\uFEFF${csv}\r\n`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 3, updated: 0, unchanged: 0, errors: [], errorCount: 0 });
    const docs = await members();
    expect(docs.map((d) => [d.cardNo, d.name, d.phoneMasked, d.phoneTail, d.category, d.status, d.validUntil, d.source])).toEqual([
      ['320000000001', '张伟', '138****5678', '5678', 'union-member', 'active', '2027-12-31T15:59:59.000Z', 'server'],
      ['320000000002', '李,娜', '', '', 'courier', 'active', '2026-06-30T15:59:59.000Z', 'server'],
      ['320000000003', '王芳', '139****2222', '2222', 'driver', 'suspended', '2027-01-01T15:59:59.000Z', 'server'],
    ]);
    for (const doc of docs) expect(docProblem('members', { ...doc, _deleted: false })).toBeNull();
    const everything = JSON.stringify((await f.db.query('SELECT * FROM sync_docs')).rows) + JSON.stringify((await f.db.query('SELECT * FROM audit_log')).rows);
    expect(everything).not.toContain('13812345678');
    expect(everything).not.toContain('11112222');
  });

  test('re-import updates by card number, keeps ids, and leaves unchanged rows alone', async () => {
    const before = new Map((await members()).map((d) => [d.cardNo, d]));
    const csv = [
      'name,cardNo,phone,category,status,validUntil', // columns in any order
      '张伟,320000000001,13812345678,union-member,expired,2027-12-31',
      '"李,娜",320000000002,,courier,active,2026-06-30',
      '赵敏,320000000004,15000001234,union-member,active,2028-01-01',
    ].join('\n');
    const res = await importCsv(csv);
    expect(res.json()).toEqual({ imported: 1, updated: 1, unchanged: 1, errors: [], errorCount: 0 });
    const after = new Map((await members()).map((d) => [d.cardNo, d]));
    expect(after.get('320000000001')).toMatchObject({ id: before.get('320000000001')!.id, status: 'expired' });
    expect(after.get('320000000001')!.serverRev).toBeGreaterThan(before.get('320000000001')!.serverRev as number);
    expect(after.get('320000000002')!.serverRev).toBe(before.get('320000000002')!.serverRev);
    expect(after.get('320000000003')).toEqual(before.get('320000000003'));
    expect(after.size).toBe(4);
  });

  test('invalid rows are reported by line and skipped; valid rows still import', async () => {
    const csv = [
      HEADER,
      '330000000001,好人,13800000001,union-member,active,2027-12-31',
      '3300 0001,坏卡号,,union-member,active,2027-12-31',
      '330000000002,,,union-member,active,2027-12-31',
      '330000000003,手机,1380000000,union-member,active,2027-12-31',
      '330000000004,类别,,vip,active,2027-12-31',
      '330000000005,状态,,courier,banned,2027-12-31',
      '330000000006,日期,,courier,active,2027-02-30',
      '330000000007,列数,,courier,active',
      '"330000000008","多行',
      '名字",,courier,active,2027-12-31',
      '330000000001,重复,,courier,active,2027-12-31',
      '330000000009,也好,,driver,expired,2025-01-01',
    ].join('\n');
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(200);
    const report = res.json<{ imported: number; errors: Array<{ line: number; message: string }>; errorCount: number }>();
    expect(report.imported).toBe(2);
    // the quoted two-line record starts on line 10 (a name must be one line); counting goes on right after it
    expect(report.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 12]);
    expect(report.errors[0]!.message).toMatch(/cardNo/);
    expect(report.errors[1]!.message).toMatch(/name/);
    expect(report.errors[2]!.message).toMatch(/phone/);
    expect(report.errors[3]!.message).toMatch(/category/);
    expect(report.errors[4]!.message).toMatch(/status/);
    expect(report.errors[5]!.message).toMatch(/validUntil/);
    expect(report.errors[6]!.message).toMatch(/columns/);
    expect(report.errors[7]!.message).toMatch(/name/);
    expect(report.errors[8]!.message).toMatch(/line 2/);
    expect(report.errorCount).toBe(9);
    const names = (await members()).map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining(['好人', '也好']));
    expect(names).not.toContain('重复');
  });

  test.each([
    ['an empty file', '', /empty/],
    ['a missing header', '340000000001,张三,,union-member,active,2027-12-31', /no column "cardNo"/],
    ['an extra column', `${HEADER},idNumber\n1,a,,courier,active,2027-12-31,310101199001011234`, /Unexpected column/],
    ['an unclosed quote', `${HEADER}\n"1,a`, /cannot be read/],
  ])('%s is refused as a whole', async (_name, csv, message) => {
    const res = await importCsv(csv);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toMatch(message);
  });

  test('JSON is not a roster; unknown stations are NOT_FOUND; the import is audit-logged', async () => {
    expect((await importCsv('{"a":1}', STATION, 'application/json')).statusCode).toBe(415);
    expect(errorCode(await importCsv(`${HEADER}\n`, 'NOPE'))).toBe('NOT_FOUND');
    const audit = await f.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'members.import'`);
    expect(audit.rows[0]!.n).toBeGreaterThanOrEqual(3);
  });
});
