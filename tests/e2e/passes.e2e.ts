// Member passes in real Chromium: the admin API issues the demo sheet's passes on the real
// server; a desk enrolled at the demo station syncs the keys and revocations, and a pass typed
// into the check-in field (as a scanner types it) is verified with Chromium's Web Crypto Ed25519,
// online and offline: valid, revoked, tampered, expired, cut short.
import { issueDemoCode } from './admin';
import { expect, test, type Desk } from './fixtures';
import { signIn } from './staff';

interface DemoEntry {
  memberId: string;
  name: string;
  note: string;
  pass: string | null;
}

const demoPasses = async (): Promise<Map<string, DemoEntry>> => {
  const res = await fetch(`${process.env.E2E_BASE_URL}/api/admin/demo/passes`, {
    method: 'POST',
    headers: { authorization: `Bearer ${process.env.E2E_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: '{}',
  });
  if (!res.ok) throw new Error(`demo passes: ${res.status} ${await res.text()}`);
  const { entries } = (await res.json()) as { entries: DemoEntry[] };
  return new Map(entries.map((e) => [e.note === 'valid' ? e.memberId : e.note, e]));
};

const scan = async (desk: Desk, text: string) => {
  const input = desk.page.getByTestId('badge-input');
  await input.fill(text);
  await input.press('Enter');
};

test('passes verify at the desk, online and offline', async ({ desk }) => {
  const passes = await demoPasses(); // before enrolling: the first sync brings keys and revocations
  await desk.page.goto(`${desk.url}/#enroll=${await issueDemoCode()}`);
  await expect(desk.page.getByTestId('last-sync')).toContainText('上次同步', { timeout: 30_000 });
  await desk.page.goto(`${desk.url}/#/check-in`);
  await signIn(desk.page);
  const result = desk.page.getByTestId('check-in-result');
  const reason = desk.page.getByTestId('check-in-reason');

  const valid = passes.get('DEMO-M-0001')!;
  await scan(desk, valid.pass!);
  await expect(result).toHaveAttribute('data-outcome', 'admit', { timeout: 15_000 });
  await expect(result).toContainText(valid.name);

  await scan(desk, passes.get('revoked-pass')!.pass!);
  await expect(result).toHaveAttribute('data-reason', 'PASS_REVOKED');
  await expect(reason).toHaveText('会员码已被吊销');

  await scan(desk, passes.get('tampered')!.pass!);
  await expect(result).toHaveAttribute('data-reason', 'BAD_SIGNATURE');
  await expect(result).not.toContainText('李建国'); // the forged member id is not believed

  // The network goes: verification needs none.
  await desk.context.setOffline(true);
  await expect(desk.page.getByTestId('network-state')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  const other = passes.get('DEMO-M-0002')!;
  await scan(desk, other.pass!);
  await expect(result).toHaveAttribute('data-outcome', 'admit');
  await expect(result).toContainText(other.name);

  await scan(desk, passes.get('expired-pass')!.pass!);
  await expect(result).toHaveAttribute('data-reason', 'PASS_EXPIRED');

  // Cut short by the scanner: a rescan is asked for, nothing is recorded.
  await scan(desk, passes.get('DEMO-M-0003')!.pass!.slice(0, 150));
  await expect(result).toHaveAttribute('data-outcome', 'input-error');
  await expect(result).toContainText('会员码不完整，请重扫');
});
