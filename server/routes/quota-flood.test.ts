// The finding, over HTTP with the default allowances (docs/security.md "Quotas"): one desk once
// stored 39 MB of photos in about 2 s. Now the desk's pushes stop at the day's allowance with
// 429 QUOTA_EXCEEDED in the protocol's error shape, storing nothing more, while another station's
// desk is not held back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_MAX_LENGTH } from '../../shared/schemas/index';
import { makeEquipmentLog } from '../../tests/support/builders/index';
import { DEFAULT_PUSH_QUOTAS } from '../config';
import { createAuthFixture, errorCode, PROTOCOL, type AuthFixture } from '../testing/auth-fixture';

const FLOODED = 'ST-FLOODED';
const CALM = 'ST-CALM';
const PHOTO = `data:image/jpeg;base64,${'A'.repeat(PHOTO_MAX_LENGTH - 30)}`;
/** 39 MB of photos, in pushes of 10 (≈3 MB each), as the attack sent them. */
const PUSHES = Math.ceil(39e6 / (10 * PHOTO.length));

describe('a desk flooding the server with photos', () => {
  let f: AuthFixture;
  const pushLogs = (token: string, stationId: string, n: number) =>
    f.app.inject({
      method: 'POST',
      url: '/api/sync/equipmentLogs/push',
      headers: { ...PROTOCOL, authorization: `Bearer ${token}` },
      payload: { rows: Array.from({ length: n }, () => ({ newDocumentState: { ...makeEquipmentLog({ stationId, photo: PHOTO }), _deleted: false }, assumedMasterState: null })) },
    });
  const storedPhotoBytes = async (stationId: string) =>
    Number((await f.db.query<{ n: unknown }>(`SELECT coalesce(sum(length(data ->> 'photo')), 0) AS n FROM sync_docs WHERE station_id = $1 AND collection = 'equipmentLogs'`, [stationId])).rows[0]!.n);

  beforeAll(async () => {
    f = await createAuthFixture('pglite');
    await f.createStation(FLOODED);
    await f.createStation(CALM);
  });
  afterAll(async () => f.dispose());

  it(`stops at the day's allowance (${DEFAULT_PUSH_QUOTAS.deskPhotosPerDay} photos, ${DEFAULT_PUSH_QUOTAS.deskBytesPerDay} bytes) with QUOTA_EXCEEDED`, async () => {
    const desk = await f.enrollDesk(FLOODED);
    const answers: number[] = [];
    for (let i = 0; i < PUSHES; i++) {
      const res = await pushLogs(desk.accessToken, FLOODED, 10);
      answers.push(res.statusCode);
      if (res.statusCode !== 200) {
        expect(errorCode(res)).toBe('QUOTA_EXCEEDED');
        expect(res.json<{ error: { message: string } }>().error.message).toMatch(/allowance/);
      }
    }
    // some pushes fit the allowance, and from the first refused one on, every push is refused
    const allowed = answers.indexOf(429);
    expect(allowed).toBeGreaterThan(0);
    expect(answers).toEqual([...Array.from({ length: allowed }, () => 200), ...Array.from({ length: PUSHES - allowed }, () => 429)]);
    expect(allowed * 10).toBeLessThanOrEqual(DEFAULT_PUSH_QUOTAS.deskPhotosPerDay);
    expect(await storedPhotoBytes(FLOODED)).toBe(allowed * 10 * PHOTO.length);
    expect(await storedPhotoBytes(FLOODED)).toBeLessThanOrEqual(DEFAULT_PUSH_QUOTAS.deskBytesPerDay);

    const other = await f.enrollDesk(CALM);
    expect((await pushLogs(other.accessToken, CALM, 3)).statusCode).toBe(200);
  });
});
