// The plain-http drill in a real Chromium, at a public address: 203.0.113.10 (TEST-NET-3,
// RFC 5737), which nothing must ever contact. In the add-account form the warning names the
// host and neither button sends anything without the tick; the worker refuses the same command
// sent without the consent. Then an existing http account whose password the server stopped
// accepting: its "new password" form offers the same warning and tick, and the worker insists
// there too. Every fetch the worker makes is recorded (its global fetch is looked up at each
// call, http/http-context.ts), so "nothing left" is checked, not assumed. Last, the tick's
// other side: ticked, a new password for a plain-http server (a non-loopback name mapped to a
// local Radicale) is saved, the consent stored, and the account syncs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions } from '../browser/extension-pages';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';
import { readStore } from '../browser/extension-db';
import { startRadicale, makeCards, type RadicaleServer } from '../harness';

const HOST = '203.0.113.10';
const SERVER = `http://${HOST}/dav/`;
const ACCOUNT_ID = 'drill-plain-http';
const NAMED_HOST = 'dav.drill-plain-http.test';
const CARDS = makeCards(3);
let radicale: RadicaleServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  radicale = await startRadicale({ seed: [{ name: 'contacts', kind: 'addressbook', displayName: 'Office', items: CARDS }] });
  // Granted, so that only the extension's own check stands between the password and the host.
  ext = await launchExtensionBrowser({
    extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*', `http://${HOST}/*`, `http://${NAMED_HOST}/*`]),
    // Only this name is mapped; 203.0.113.10 stays unreachable.
    extraArgs: [`--host-resolver-rules=MAP ${NAMED_HOST} 127.0.0.1`],
  });
}, 120_000);
afterAll(async () => {
  await ext?.close();
  await radicale?.stop();
});

/** Wraps the worker's fetch (again, should the worker have restarted) and empties its record. */
async function recordWorkerFetches(): Promise<void> {
  await (await ext.serviceWorker()).evaluate(() => {
    const scope = globalThis as unknown as { drillFetches?: string[]; drillOriginalFetch?: typeof fetch };
    scope.drillFetches = [];
    if (!scope.drillOriginalFetch) {
      const original = globalThis.fetch;
      scope.drillOriginalFetch = original;
      globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        scope.drillFetches?.push(input instanceof Request ? input.url : String(input));
        return original(input, init);
      };
    }
  });
}

async function workerFetches(): Promise<string[]> {
  return (await ext.serviceWorker()).evaluate(() => (globalThis as unknown as { drillFetches?: string[] }).drillFetches ?? ['(the worker restarted: record lost)']);
}

interface SeededAccount {
  id: string;
  label: string;
  serverUrl: string;
  plainHttpConfirmed?: true;
}

/** An http account whose password the server stopped accepting: its options show the new-password form. */
function seedHttpAccount(page: Page, account: SeededAccount): Promise<void> {
  return page.evaluate(
    (account) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('lifeboat');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction('accounts', 'readwrite');
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
          const now = Date.now();
          tx.objectStore('accounts').put({
            calendarServerUrl: null, services: ['addressbook'], username: 'lifeboat', kind: 'dav',
            createdAt: now, status: 'needs-password', lastError: null, lastSuccessAt: null, progress: null, detached: false,
            discovery: {}, ...account,
          });
        };
      }),
    account,
  );
}

describe('plain http to a public address', () => {
  it('warns in the add-account form, sends nothing without the tick, and the worker insists', async () => {
    const options = await openOptions(ext);
    await recordWorkerFetches();
    const form = options.locator('form.add-account');
    await form.getByLabel('Server address', { exact: true }).fill(SERVER);
    await form.getByLabel('User name').fill('alice');
    await form.getByLabel('Password or app password').fill('secret-over-http');
    await form.getByText(`Your password will cross the network unencrypted to ${HOST}`).waitFor();
    await form.getByLabel(`I understand: send my password to ${HOST} over plain http`).waitFor();

    for (const button of ['Add account', 'Test connection']) {
      // Typing clears the form's message, so the one awaited below is this click's.
      await form.getByLabel('Password or app password').fill('secret-over-http');
      expect(await form.locator('.message').textContent()).toBe('');
      await form.getByRole('button', { name: button, exact: true }).click();
      await form.locator('.message').filter({ hasText: 'Tick the box under the password' }).waitFor();
    }
    const refused = await options.evaluate(
      (serverUrl): Promise<{ ok: boolean; error?: string }> =>
        chrome.runtime.sendMessage({ rpc: 'addAccount', params: { label: '', serverUrl, username: 'alice', password: 'secret-over-http' } }),
      SERVER,
    );
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining(`unencrypted to ${HOST}`) as unknown });
    expect(await workerFetches()).toEqual([]);
    expect(await options.locator('.account').count()).toBe(0);
    await options.close();
  });

  it('offers the same tick in the new-password form of an http account, and the worker insists', async () => {
    const options = await openOptions(ext);
    await seedHttpAccount(options, { id: ACCOUNT_ID, label: 'Office NAS', serverUrl: SERVER, plainHttpConfirmed: true });
    await options.reload();
    const form = options.locator('form.password-form').filter({ has: options.getByLabel('New password for Office NAS') });
    await form.getByLabel('New password for Office NAS').fill('new-secret-over-http');
    await form.getByText(`Your password will cross the network unencrypted to ${HOST}`).waitFor();
    const tick = form.getByLabel(`I understand: send my password to ${HOST} over plain http`);
    await tick.waitFor();
    expect(await tick.isChecked()).toBe(false);
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);

    await recordWorkerFetches();
    await form.getByRole('button', { name: 'Save password' }).click();
    await form.locator('.message').filter({ hasText: 'Tick the box under the password' }).waitFor();
    // A page that skips the form: the account was confirmed once, yet a new password needs its own tick.
    const refused = await options.evaluate(
      (accountId): Promise<{ ok: boolean; error?: string }> =>
        chrome.runtime.sendMessage({ rpc: 'updatePassword', params: { accountId, password: 'new-secret-over-http' } }),
      ACCOUNT_ID,
    );
    expect(refused).toMatchObject({ ok: false, error: expect.stringContaining(`unencrypted to ${HOST}`) as unknown });
    expect(await workerFetches()).toEqual([]);
    await options.close();
  });

  // The tick's other side: a plain-http server under a name that is not loopback (Chromium maps
  // it to the local Radicale, --host-resolver-rules), so the form's consent can be given and used.
  it('saves a new password over plain http once ticked, stores the consent, and the account syncs', async () => {
    const options = await openOptions(ext);
    const serverUrl = `http://${NAMED_HOST}:${new URL(radicale.url).port}/`;
    await seedHttpAccount(options, { id: 'drill-plain-http-named', label: 'Drill NAS', serverUrl });
    await options.reload();
    const label = 'New password for Drill NAS';
    const form = options.locator('form.password-form').filter({ has: options.getByLabel(label) });
    await form.getByLabel(label).fill(radicale.password);
    await form.getByLabel(`I understand: send my password to ${NAMED_HOST}:${new URL(radicale.url).port} over plain http`).check();
    await form.getByRole('button', { name: 'Save password' }).click();
    // Accepted: the account no longer needs a password, so its form goes away.
    await form.waitFor({ state: 'detached', timeout: 60_000 });

    const account = async () => (await readStore<{ id: string; plainHttpConfirmed?: boolean; status: string }>(options, 'accounts')).find((a) => a.id === 'drill-plain-http-named');
    expect((await account())?.plainHttpConfirmed).toBe(true);
    await expect.poll(async () => (await readStore<{ accountId: string }>(options, 'items')).filter((i) => i.accountId === 'drill-plain-http-named').length, { timeout: 60_000 }).toBe(CARDS.length);
    await options.close();
  });
});
