// "Sign in with Microsoft" in real Chromium, through the browser's identity API
// (launchWebAuthFlow to https://<extension-id>.chromiumapp.org/), against the test
// authorization server and the Graph test server: the worker mirrors the contacts of every
// contact folder, nested ones included, and the calendars (a weekly series with an exception
// and a cancelled occurrence); the popup counts them, and one click exports each as a file that
// holds them all. A change upstream comes in by delta on Sync now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { startOAuthServer, type OAuthTestServer } from '../harness/oauth-server';
import { startGraphServer, type GraphTestServer } from '../harness/graph-server';
import type { GraphEventJson } from '../harness/graph-calendar-routes';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, saveClientId, signInWith, waitForMirror } from '../browser/extension-pages';
import { exportFromPopup } from '../browser/popup-export';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';
import { providerWith } from '../../src/auth/oauth-providers';
import { MICROSOFT_OAUTH } from '../../src/providers/microsoft/oauth';

const CLIENT_ID = '00000000-0000-4000-8000-00000000e2e0';
const person = (n: number) => ({ id: `c-${n}`, displayName: `Person ${n}`, givenName: 'Person', surname: String(n), emailAddresses: [{ name: '', address: `p${n}@example.org` }] });
// The default folder, Family, Family / Cousins (a child folder), Work: ten contacts in all.
const FOLDERS: Array<[id: string, name: string, parent: string | undefined, contacts: number[]]> = [
  ['family', 'Family', undefined, [10, 11]],
  ['cousins', 'Cousins', 'family', [20, 21, 22]],
  ['work', 'Work', undefined, [30]],
];
const DEFAULT_CONTACTS = [1, 2, 3, 4];
const CONTACTS = DEFAULT_CONTACTS.length + FOLDERS.reduce((n, [, , , c]) => n + c.length, 0);
const weekly = JSON.parse(readFileSync('test/fixtures/graph/series-weekly-berlin.json', 'utf8')) as { master: GraphEventJson; exceptions: GraphEventJson[] };
const series: GraphEventJson = { ...weekly.master, exceptionOccurrences: weekly.exceptions, cancelledOccurrences: ['OID.AAMkAGI2-series-1.2025-04-15'] };
const lunch = (n: number): GraphEventJson => ({ id: `lunch-${n}`, iCalUId: `lunch-${n}@example.org`, type: 'singleInstance', subject: `Lunch ${n}`, start: { dateTime: `2025-05-0${n}T11:00:00.0000000`, timeZone: 'UTC' }, end: { dateTime: `2025-05-0${n}T12:00:00.0000000`, timeZone: 'UTC' } });
const EVENTS = [series, lunch(1), lunch(2)];

let oauth: OAuthTestServer;
let graph: GraphTestServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
  oauth = await startOAuthServer({ clientId: CLIENT_ID, redirectUris: [`https://${ext.extensionId}.chromiumapp.org/`], scopes: providerWith(MICROSOFT_OAUTH).scopes });
  graph = await startGraphServer((token) => oauth.isValidAccessToken(token), 3);
  for (const n of DEFAULT_CONTACTS) graph.put('', person(n));
  for (const [id, name, parent, contacts] of FOLDERS) {
    graph.addFolder(id, name, parent);
    for (const n of contacts) graph.put(id, person(n));
  }
  graph.setCalendar('cal-1', 'Calendar', EVENTS);
  // Where "Microsoft" is, for this test: the endpoints part of the advanced provider settings.
  const worker = await ext.serviceWorker();
  const microsoft = { authorizeUrl: oauth.authorizeUrl, tokenUrl: oauth.tokenUrl, endpoints: { graph: graph.graphUrl } };
  await worker.evaluate((settings) => chrome.storage.local.set({ 'oauth-settings': { microsoft: settings } }), microsoft);
});

afterAll(async () => {
  await ext?.close();
  await graph?.stop();
  await oauth?.stop();
});

describe('Sign in with Microsoft in Chromium', () => {
  it('signs in with the client ID entered in Options and mirrors every contact folder and the calendar', async () => {
    const options = await openOptions(ext);
    await saveClientId(options, 'Microsoft', CLIENT_ID);
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
    expect(await signInWith(options, 'Microsoft')).toContain('Family / Cousins');
    expect(oauth.log).toContain('token: authorization_code');

    const popup = await openPopup(ext);
    await waitForMirror(popup, CONTACTS);
    await popup.getByTestId('event-count').filter({ hasText: `Events: ${EVENTS.length}` }).waitFor();
    expect(await seriousViolationsInBothSchemes(popup)).toEqual([]);
    // Each folder by its own delta round; the calendar by the delta function on its events.
    expect(graph.log).toContain('200 /v1.0/me/contactFolders/cousins/contacts/delta');
    expect(graph.log).toContain('200 /beta/me/calendars/cal-1/events/delta');
    await popup.close();
    await options.close();
  });

  it('exports with one click a .vcf of every contact and an .ics of the calendar with its series whole', async () => {
    const popup = await openPopup(ext);
    const cards = ICAL.parse(await exportFromPopup(ext, popup, 'contacts')) as unknown[];
    const names = cards.map((card) => String(new ICAL.Component(card as unknown[]).getFirstPropertyValue('fn'))).sort();
    expect(names).toEqual([...DEFAULT_CONTACTS, ...FOLDERS.flatMap(([, , , c]) => c)].map((n) => `Person ${n}`).sort());

    const text = await exportFromPopup(ext, popup, 'calendars');
    const events = new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent');
    expect(new Set(events.map((e) => String(e.getFirstPropertyValue('uid'))))).toEqual(new Set([String(weekly.master.iCalUId), 'lunch-1@example.org', 'lunch-2@example.org']));
    // The series is one master with its RRULE and EXDATE, and its moved occurrence.
    expect(events.filter((e) => e.hasProperty('rrule'))).toHaveLength(1);
    expect(text).toMatch(/EXDATE;TZID=Europe\/Berlin:20250415T090000/);
    expect(events.filter((e) => e.hasProperty('recurrence-id'))).toHaveLength(1);
    await popup.close();
  });

  it('brings in a change in a nested folder on Sync now', async () => {
    graph.put('cousins', person(23));
    const popup = await openPopup(ext);
    await popup.getByRole('button', { name: 'Sync now' }).click();
    await waitForMirror(popup, CONTACTS + 1);
    await popup.close();
  });
});
