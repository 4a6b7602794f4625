// Chrome stops an extension's service worker after ~30 s idle or 5 min on one event. A mirror
// cut short that way must resume on the next start of the worker with no loss and no
// duplicates. Here the worker is stopped mid-run (a slow server makes the run long enough).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRadicale, makeCards, type RadicaleServer } from '../harness';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, submitAccount, waitForMirror } from '../browser/extension-pages';
import { countRecords, stopServiceWorkers } from '../browser/stop-worker';

const CARDS = makeCards(800);

let radicale: RadicaleServer;
let proxy: FaultProxy;
let ext: ExtensionBrowser;

beforeAll(async () => {
  radicale = await startRadicale({ seed: [{ name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS }] });
  proxy = await startFaultProxy(radicale.url);
  // Each multiget takes 3 s more: the first mirror lasts several seconds, and once the first
  // batch is stored the next ones are seconds away, so the worker is stopped with them still on
  // the wire even on a loaded machine (with 600 ms, a busy machine stored them all first).
  proxy.add({ method: 'REPORT', body: 'addressbook-multiget', fault: { kind: 'delay', ms: 3000 } });
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
});

afterAll(async () => {
  await ext?.close();
  await proxy?.stop();
  await radicale?.stop();
});

describe('a worker stopped mid-sync', () => {
  it('resumes on its next start: every card mirrored once, the cut run logged as interrupted', async () => {
    const options = await openOptions(ext);
    expect(await submitAccount(options, { serverUrl: proxy.url, username: radicale.username, password: radicale.password })).toMatch(/Account added/);
    // Wait until part of the address book is stored, then stop the worker as Chrome would.
    await options.waitForFunction(() => /Copying… [1-9]\d* of 800/.test(document.body.textContent ?? ''), undefined, { timeout: 30_000 });
    await stopServiceWorkers(options);
    const storedWhenStopped = await countRecords(options, 'items');
    expect(storedWhenStopped).toBeGreaterThan(0);
    expect(storedWhenStopped).toBeLessThan(CARDS.length);

    // Any event starts a new worker; opening the popup and asking for a sync is what a person does.
    proxy.clear();
    const popup = await openPopup(ext);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await waitForMirror(popup, CARDS.length);

    expect(await countRecords(options, 'items')).toBe(CARDS.length);
    expect(await countRecords(options, 'runs', { field: 'outcome', equals: 'interrupted' })).toBe(1);
    expect(await countRecords(options, 'runs', { field: 'outcome', equals: 'running' })).toBe(0);
    const served = new Set(CARDS.map((card) => `${radicale.addressBookUrl.replace(radicale.url, proxy.url)}${card.name}`));
    const hrefs = await options.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('lifeboat');
          open.onsuccess = () => {
            const request = open.result.transaction('items').objectStore('items').getAll();
            request.onsuccess = () => resolve((request.result as Array<{ href: string }>).map((item) => item.href));
          };
        }),
    );
    expect(new Set(hrefs)).toEqual(served);
  });
});
