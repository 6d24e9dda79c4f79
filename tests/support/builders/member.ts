import type { MemberDoc } from '../../../shared/schemas/index';
import { synced } from './common';

/** An active union member from the server's roster, with a new id. */
export const makeMember = (over: Partial<MemberDoc> = {}): MemberDoc => ({
  ...synced(),
  name: '王建国',
  phoneMasked: '138****5678',
  phoneTail: '5678',
  cardNo: '310000000001',
  category: 'union-member',
  status: 'active',
  validUntil: '2027-12-31T15:59:59.000Z',
  source: 'server',
  ...over,
});
