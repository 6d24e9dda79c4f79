// A desk that tried the offline demo and then enrolls at the server's demo station must see the
// same two staff members under the same ids and PINs: the desk's list (shared/demo/staff.ts) and
// the server's seed (server/services/demo/catalog.ts) must agree.
import { describe, expect, it } from 'vitest';
import { DEMO_STAFF_MEMBERS } from '../../shared/demo/staff';
import { DEMO_STAFF } from '../../server/services/demo/catalog';

describe('demo staff', () => {
  it('are the same on the desk and on the server', () => {
    const server = DEMO_STAFF.map((s) => ({ id: `DEMO-STAFF-${s.key}`, name: s.name, role: s.role, pin: s.pin }));
    expect([...DEMO_STAFF_MEMBERS]).toEqual(server);
  });
});
