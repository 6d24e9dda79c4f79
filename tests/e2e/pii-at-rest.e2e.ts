// Member PII at rest in the web build, in real Chromium (docs/security.md, "Member PII at rest"):
// after the roster has synced, nothing in the page's IndexedDB (the members table, RxDB's
// replication copies, everything else) holds a member's name or phone, while card numbers stay
// plain for the lookup; the keys are non-extractable Web Crypto keys; a reload reads the roster.
import { demoMember } from '../../shared/demo/members';
import { issueDemoCode } from './admin';
import { expect, SYNCING_TEST_TIMEOUT_MS, test } from './fixtures';
import { signIn } from './staff';

// member 18: no other E2E test checks this card in (the demo station is shared by the whole run)
const MEMBER = demoMember(18, '2026-01-01T00:00:00.000Z');

/** Every value in every object store of every IndexedDB database of the page, as text. */
const everythingStored = () =>
  new Promise<string>((resolve, reject) => {
    const all = async () => {
      const texts: string[] = [];
      for (const info of await indexedDB.databases()) {
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const open = indexedDB.open(info.name!);
          open.onsuccess = () => ok(open.result);
          open.onerror = () => fail(open.error);
        });
        for (const store of Array.from(db.objectStoreNames)) {
          const rows = await new Promise<unknown[]>((ok, fail) => {
            const req = db.transaction(store, 'readonly').objectStore(store).getAll();
            req.onsuccess = () => ok(req.result);
            req.onerror = () => fail(req.error);
          });
          texts.push(JSON.stringify(rows));
        }
        db.close();
      }
      return texts.join('\n');
    };
    all().then(resolve, reject);
  });

/** What the page can learn about its PII keys. */
const keyFacts = () =>
  new Promise<{ aes: boolean; hmac: boolean; exported: string }>((resolve, reject) => {
    const open = indexedDB.open('station-desk-keys');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction('keys', 'readonly').objectStore('keys').get('pii');
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const { aes, hmac } = req.result as { aes: CryptoKey; hmac: CryptoKey };
        crypto.subtle.exportKey('raw', aes).then(
          () => resolve({ aes: aes.extractable, hmac: hmac.extractable, exported: 'exported' }),
          (error: Error) => resolve({ aes: aes.extractable, hmac: hmac.extractable, exported: error.name }),
        );
      };
    };
  });

test('the synced roster is sealed in IndexedDB, the keys cannot be read, and the desk still finds members', async ({ desk }) => {
  test.setTimeout(SYNCING_TEST_TIMEOUT_MS);
  const { page } = desk;
  await page.goto(`${desk.url}/#enroll=${await issueDemoCode()}`);
  await expect(page.getByTestId('last-sync')).toContainText('上次同步', { timeout: 60_000 });
  await page.goto(`${desk.url}/#/check-in`);
  await signIn(page);
  const input = page.getByTestId('badge-input');
  await input.fill(MEMBER.cardNo);
  await input.press('Enter');
  await expect(page.getByTestId('check-in-result')).toContainText(MEMBER.name, { timeout: 15_000 });

  // (booleans: the stored text is megabytes, too much for a failure message)
  const stored = await page.evaluate(everythingStored);
  expect(stored.includes(MEMBER.cardNo), 'card number, plain').toBe(true);
  expect(stored.includes(MEMBER.name), 'name').toBe(false);
  expect(stored.includes(MEMBER.phoneMasked), 'masked phone').toBe(false);
  expect(/"phoneTail":"\d{4}"/.test(stored), 'a phone tail in the clear').toBe(false);
  expect(await page.evaluate(keyFacts)).toEqual({ aes: false, hmac: false, exported: 'InvalidAccessError' });

  // the same keys after a reload (the sign-in lasts the browser session): the roster reads as before
  await page.reload();
  await expect(page.getByTestId('badge-input')).toBeEnabled({ timeout: 30_000 });
  await page.getByTestId('badge-input').fill(MEMBER.cardNo);
  await page.getByTestId('badge-input').press('Enter');
  await expect(page.getByTestId('check-in-result')).toContainText(MEMBER.name, { timeout: 15_000 });
});
