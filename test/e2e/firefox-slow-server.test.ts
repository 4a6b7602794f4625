// Long work outlasts Firefox's idle event page. Every request to the server waits 2 s (a
// proxy in front of Radicale) and Firefox stops an event page idle for 4 s: discovery and the
// first mirror take many times that. The pages send their commands and read the outcome from
// the database (shared/command-message.ts), so the account is added, mirrored and synced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { startRadicale, startFaultProxy, makeCards, makeEvents, putItem, type FaultProxy, type RadicaleServer } from '../harness';
import { launchFirefoxExtension, type FirefoxExtension } from '../browser/firefox-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { addAccountInFirefox, clickButton, openFirefoxOptions, openFirefoxPopup, waitForFirefoxMirror, waitForText } from '../browser/firefox-pages';
import { waitForFile } from '../browser/wait-for-file';
import { exportFileName } from '../../src/exporters/file-names';

const CARDS = makeCards(12);
const EVENTS = makeEvents(5);
const SLOW_MS = 2000;
let radicale: RadicaleServer;
let proxy: FaultProxy;
let ext: FirefoxExtension;

beforeAll(async () => {
  radicale = await startRadicale({
    seed: [
      { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS },
      { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: EVENTS },
    ],
  });
  proxy = await startFaultProxy(radicale.url);
  proxy.add({ fault: { kind: 'delay', ms: SLOW_MS } });
  ext = await launchFirefoxExtension({ extensionDir: prepareExtensionCopy('dist-firefox', ['http://127.0.0.1/*']), idleTimeoutSeconds: 4 });
});

afterAll(async () => {
  await ext?.close();
  await proxy?.stop();
  await radicale?.stop();
});

describe('a slow server and a short idle timeout in Firefox', () => {
  it('adds the account and completes its first mirror', { timeout: 240_000 }, async () => {
    const started = Date.now();
    const options = await openFirefoxOptions(ext);
    const added = await addAccountInFirefox(options, { serverUrl: proxy.url, username: radicale.username, password: radicale.password }, 120_000);
    expect(added).toMatch(/Account added/);
    // Logged, not asserted: the point is that the work took longer than the idle timeout.
    console.log(`firefox slow server: account added after ${Date.now() - started} ms and ${proxy.log.length} requests`);
    const popup = await openFirefoxPopup(ext);
    await waitForFirefoxMirror(popup, CARDS.length, 150_000);
    await waitForText(popup, '[data-testid=event-count]', `Events: ${EVENTS.length}`, 150_000);
    console.log(`firefox slow server: first mirror done after ${Date.now() - started} ms and ${proxy.log.length} requests`);
    await popup.close();
    await options.close();
  });

  it('finishes Sync now from the popup', { timeout: 240_000 }, async () => {
    const started = Date.now();
    await putItem(`${radicale.addressBookUrl}new-card.vcf`, makeCards(1, 900)[0]!.data, { username: radicale.username, password: radicale.password });
    const popup = await openFirefoxPopup(ext);
    await clickButton(popup, 'Sync now');
    await waitForFirefoxMirror(popup, CARDS.length + 1, 150_000);
    // The button comes back once the command's outcome is in the database.
    await waitForText(popup, 'button:not([disabled])', 'Sync now', 150_000);
    console.log(`firefox slow server: Sync now done after ${Date.now() - started} ms`);
    await popup.close();
  });

  it('exports the contacts from the popup through the database as well', async () => {
    const popup = await openFirefoxPopup(ext);
    await clickButton(popup, 'Export contacts (.vcf)');
    await waitForText(popup, '[role=status]', /Saved/);
    const text = readFileSync(await waitForFile(ext.downloadsDir, exportFileName('contacts', new Date(), 'vcf')), 'utf8');
    expect(ICAL.parse(text) as unknown[]).toHaveLength(CARDS.length + 1);
    await popup.close();
  });
});
