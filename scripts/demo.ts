// `npm run demo`: a real Radicale on loopback with a sample address book, Chromium with the
// freshly built Lifeboat, the account added through the options page as a person would, the
// first mirror awaited, then the one-click export and screenshots written to demo-output/.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startRadicale, makeEvents } from '../test/harness';
import { launchExtensionBrowser } from '../test/browser/extension-browser';
import { prepareExtensionCopy } from '../test/browser/extension-copy';
import { openOptions, openPopup, showSection, submitAccount, waitForMirror } from '../test/browser/extension-pages';
import { waitForFile } from '../test/browser/wait-for-file';
import { exportFileName } from '../src/exporters/file-names';
import { demoContacts } from './demo/demo-contacts';

const CONTACTS = Number(process.env.LIFEBOAT_DEMO_CONTACTS ?? 250);
const EVENTS = 120;
const OUT = resolve('demo-output');

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const headless = !process.env.DISPLAY || process.env.CI === 'true';

console.log(`Starting a demo CardDAV/CalDAV account (Radicale on 127.0.0.1) with ${CONTACTS} contacts and ${EVENTS} events…`);
const radicale = await startRadicale({
  seed: [
    { name: 'contacts', kind: 'addressbook', displayName: 'Demo contacts', items: demoContacts(CONTACTS) },
    { name: 'calendar', kind: 'calendar', displayName: 'Demo calendar', items: makeEvents(EVENTS) },
  ],
});
const ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']), downloadsDir: OUT, headless });

try {
  console.log(`Opening Chromium ${headless ? '(headless)' : ''} with Lifeboat and adding the account…`);
  const options = await openOptions(ext);
  const started = performance.now();
  const added = await submitAccount(options, { serverUrl: radicale.url, username: radicale.username, password: radicale.password, label: 'Demo account' });
  if (!added.startsWith('Account added')) throw new Error(`The account was not added: ${added}`);

  const popup = await openPopup(ext);
  await waitForMirror(popup, CONTACTS, 120_000);
  await popup.getByTestId('event-count').filter({ hasText: `Events: ${EVENTS}` }).waitFor();
  const mirrorSeconds = (performance.now() - started) / 1000;

  await popup.getByRole('button', { name: 'Export contacts (.vcf)' }).click();
  await popup.getByRole('status').filter({ hasText: /Saved/ }).waitFor();
  const exported = await waitForFile(OUT, exportFileName('contacts', new Date(), 'vcf'));
  await popup.getByRole('button', { name: 'Export calendars (.ics)' }).click();
  await popup.getByRole('status').filter({ hasText: /Saved lifeboat-calendars/ }).waitFor();
  const exportedCalendars = await waitForFile(OUT, exportFileName('calendars', new Date(), 'ics'));
  await popup.screenshot({ path: join(OUT, 'popup.png') });
  await options.bringToFront();
  await options.reload();
  await showSection(options, 'Activity');
  await options.getByRole('table').waitFor();
  await showSection(options, 'Accounts');
  await options.screenshot({ path: join(OUT, 'options.png'), fullPage: true });

  console.log('');
  console.log(`Mirrored ${CONTACTS} contacts and ${EVENTS} events from ${radicale.url} in ${mirrorSeconds.toFixed(1)} s.`);
  console.log(`Exports:     ${exported} (${(statSync(exported).size / 1024).toFixed(0)} KB)`);
  console.log(`             ${exportedCalendars} (${(statSync(exportedCalendars).size / 1024).toFixed(0)} KB)`);
  console.log(`Screenshots: ${join(OUT, 'popup.png')}, ${join(OUT, 'options.png')}`);

  if (!headless) {
    console.log('\nChromium stays open with Lifeboat and the demo account. Press Ctrl+C to stop.');
    await new Promise<void>((done) => process.once('SIGINT', () => done()));
  }
} finally {
  await ext.close();
  await radicale.stop();
}
