// Two server processes on one PostgreSQL database share the members' sign-in guess budget
// (issue 10, finding 9: before, each process kept its own, so two gave 5 + 5 guesses) and, with
// the one PASS_KEY_SECRET every process must have, verify each other's desk tokens.
import { afterAll, describe, expect, it } from 'vitest';
import { writeServerDocs } from '../../server/repositories/sync-store';
import { MAX_CLIENT_FAILURES } from '../../server/services/sign-in-throttle';
import { createTestDatabase, type TestDatabase } from '../../server/testing/test-db';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../shared/protocol/version';
import { makeMember } from '../support/builders/index';
import { createStation, issueCode, SERVER_PROCESS_TEST_LIMIT_MS, startServerProcess, type ServerProcess } from './harness/server';

describe('two server processes, one sign-in budget', () => {
  let testDb: TestDatabase;
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop().catch(() => undefined);
    await testDb?.dispose();
  });

  it('counts wrong guesses once across both processes, and each verifies the other’s tokens', { timeout: SERVER_PROCESS_TEST_LIMIT_MS }, async () => {
    testDb = await createTestDatabase('postgres');
    servers.push(...(await Promise.all([startServerProcess({ databaseUrl: testDb.url }), startServerProcess({ databaseUrl: testDb.url })])));
    const [one, two] = servers as [ServerProcess, ServerProcess];
    const station = 'ST-TWO-SIGN-IN';
    await createStation(one.url, station);
    const member = makeMember({ id: 'M-TWO-1', stationId: station, cardNo: '320000000001', phoneTail: '4321' });
    await writeServerDocs(testDb.db, station, 'members', [member], { writtenBy: 'test', now: Date.now() });

    const answers: { status: number; message: string }[] = [];
    for (let i = 0; i < 2 * MAX_CLIENT_FAILURES; i++) {
      const res = await fetch(`${(i % 2 ? two : one).url}/api/members/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ stationId: station, cardNo: member.cardNo, phoneTail: '0000' }),
      });
      answers.push({ status: res.status, message: ((await res.json()) as { error: { message: string } }).error.message });
    }
    expect(answers.filter((a) => a.status === 401)).toHaveLength(MAX_CLIENT_FAILURES);
    expect(answers.slice(MAX_CLIENT_FAILURES).every((a) => a.status === 429 && /wrong answers/.test(a.message))).toBe(true);

    const enrolled = await fetch(`${one.url}/api/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) },
      body: JSON.stringify({ code: await issueCode(one.url, station), deskName: '前台' }),
    });
    expect(enrolled.status).toBe(201);
    const { accessToken } = (await enrolled.json()) as { accessToken: string };
    const pulled = await fetch(`${two.url}/api/sync/stations/pull?seq=0`, { headers: { authorization: `Bearer ${accessToken}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) } });
    expect(pulled.status).toBe(200);
  });
});
