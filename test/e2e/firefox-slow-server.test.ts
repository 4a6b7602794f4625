// Long work outlasts Firefox's idle event page. Every request to a server waits 2 s (a proxy in
// front of Radicale, of a calendar feed, of an rclone WebDAV folder and of the Graph test servers
// for contacts, calendars and OneDrive) and Firefox stops an event page idle for 4 s: discovery
// and the first mirror take many times that (the photo folder's tree is nested, so its walk alone
// is four listings one after the other). Sign-ins go through Firefox's own launchWebAuthFlow
// against the test authorization server. The pages
// send their commands and read the outcome from the database (shared/command-message.ts), and
// keep the worker awake through the first mirror, so each account is added, mirrored and synced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { startRadicale, startFaultProxy, startFeedServer, startWebdavFolder, feedEvent, feedOf, makeCards, makeEvents, makeJpeg, makeMp4, putItem, type FaultProxy, type FeedServer, type RadicaleServer, type WebdavFolderServer } from '../harness';
import { launchFirefoxExtension, type FirefoxExtension } from '../browser/firefox-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { addAccountInFirefox, clickButton, openFirefoxOptions, openFirefoxPopup, submitFormInFirefox, waitForAccountInFirefox, waitForFirefoxMirror, waitForText } from '../browser/firefox-pages';
import { OPTIONS } from '../browser/extension-pages';
import { startOAuthServer, type OAuthTestServer } from '../harness/oauth-server';
import { startGraphServer, type GraphTestServer } from '../harness/graph-server';
import { startGraphDriveServer, type GraphDriveServer } from '../harness/graph-drive-server';
import { forOneDrivePhotos } from '../../src/providers/onedrive-photos/oauth';
import { createHash } from 'node:crypto';
import { GECKO_ID } from '../../scripts/firefox-manifest';
import { providerWith } from '../../src/auth/oauth-providers';
import { MICROSOFT_OAUTH } from '../../src/providers/microsoft/oauth';
import { waitForFile } from '../browser/wait-for-file';
import { exportFileName } from '../../src/exporters/file-names';

const CARDS = makeCards(12);
const EVENTS = makeEvents(5);
const FEED_EVENTS = Array.from({ length: 9 }, (_, i) => feedEvent(i + 1));
const PHOTOS = {
  'IMG_0001.jpg': makeJpeg({ takenAt: '2021:03:04 05:06:07', width: 32, height: 24 }),
  'Trip/2022/Summer/IMG_0002.jpg': makeJpeg({ takenAt: '2022:08:01 12:00:00', width: 24, height: 24, seed: 2 }),
  'Trip/clip.mp4': makeMp4(8000),
};
const MS_CLIENT_ID = '00000000-0000-4000-8000-0000000ff0e2';
const MS_CONTACTS = 5;
const MS_EVENTS = 2;
/** Firefox's identity.getRedirectURL(): the SHA-1 of the add-on's ID under extensions.allizom.org (toolkit/components/extensions/child/ext-identity.js). */
const FIREFOX_REDIRECT = `https://${createHash('sha1').update(GECKO_ID).digest('hex')}.extensions.allizom.org/`;
const SLOW_MS = 2000;
let radicale: RadicaleServer;
let proxy: FaultProxy;
let feed: FeedServer;
let feedProxy: FaultProxy;
let photos: WebdavFolderServer;
let photoProxy: FaultProxy;
let oauth: OAuthTestServer;
let graph: GraphTestServer;
let graphProxy: FaultProxy;
let drive: GraphDriveServer;
let driveProxy: FaultProxy;
let ext: FirefoxExtension;

/** Where "Microsoft" is, for a test: the advanced provider settings, with `graphUrl`'s Graph behind the slow `proxy`. */
async function useMicrosoftGraph(graphUrl: string, proxy: FaultProxy): Promise<void> {
  const microsoft = { clientId: MS_CLIENT_ID, authorizeUrl: oauth.authorizeUrl, tokenUrl: oauth.tokenUrl, endpoints: { graph: new URL(new URL(graphUrl).pathname, proxy.url).href } };
  const page = await openFirefoxOptions(ext);
  await page.evaluate((settings) => browser.storage.local.set({ 'oauth-settings': { microsoft: settings } }), microsoft);
  await page.close();
}

/** A proxy in front of `url`'s server that answers every request after SLOW_MS. */
async function slowProxy(url: string): Promise<FaultProxy> {
  const slow = await startFaultProxy(new URL(url).origin);
  slow.add({ fault: { kind: 'delay', ms: SLOW_MS } });
  return slow;
}

beforeAll(async () => {
  radicale = await startRadicale({
    seed: [
      { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS },
      { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: EVENTS },
    ],
  });
  proxy = await slowProxy(radicale.url);
  feed = await startFeedServer();
  feed.setFeed(feedOf(FEED_EVENTS));
  feedProxy = await slowProxy(feed.url);
  photos = await startWebdavFolder({ files: PHOTOS });
  photoProxy = await slowProxy(photos.url);
  // Contacts and calendars, and OneDrive's files: the scopes of both sign-ins.
  const scopes = [...new Set([...providerWith(MICROSOFT_OAUTH).scopes, ...forOneDrivePhotos(providerWith(MICROSOFT_OAUTH)).scopes])];
  oauth = await startOAuthServer({ clientId: MS_CLIENT_ID, redirectUris: [FIREFOX_REDIRECT], scopes });
  graph = await startGraphServer((token) => oauth.isValidAccessToken(token));
  graph.addFolder('family', 'Family');
  for (let n = 1; n <= MS_CONTACTS; n++) graph.put(n % 2 ? '' : 'family', { id: `c-${n}`, displayName: `Person ${n}`, givenName: 'Person', surname: String(n) });
  graph.setCalendar('cal-1', 'Calendar', Array.from({ length: MS_EVENTS }, (_, i) => ({ id: `e-${i}`, iCalUId: `e-${i}@example.org`, type: 'singleInstance', subject: `Lunch ${i}`, start: { dateTime: `2025-05-0${i + 1}T11:00:00.0000000`, timeZone: 'UTC' }, end: { dateTime: `2025-05-0${i + 1}T12:00:00.0000000`, timeZone: 'UTC' } })));
  graphProxy = await slowProxy(graph.graphUrl);
  // The drive's links (delta, next page) name the proxy, which is started first and then pointed at the drive.
  driveProxy = await slowProxy(radicale.url);
  drive = await startGraphDriveServer((token) => oauth.isValidAccessToken(token), { publicUrl: driveProxy.url });
  driveProxy.retarget(drive.listenUrl);
  for (const [path, bytes] of Object.entries(PHOTOS)) drive.putFile(`Pictures/Camera Roll/${path}`, bytes);
  ext = await launchFirefoxExtension({ extensionDir: prepareExtensionCopy('dist-firefox', ['http://127.0.0.1/*']), idleTimeoutSeconds: 4 });
});

afterAll(async () => {
  await ext?.close();
  await proxy?.stop();
  await radicale?.stop();
  await feedProxy?.stop();
  await feed?.stop();
  await photoProxy?.stop();
  await photos?.stop();
  await graphProxy?.stop();
  await driveProxy?.stop();
  await drive?.stop();
  await graph?.stop();
  await oauth?.stop();
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

  it('adds a calendar feed and completes its first mirror', { timeout: 240_000 }, async () => {
    const started = Date.now();
    const options = await openFirefoxOptions(ext);
    const address = new URL(new URL(feed.url).pathname, feedProxy.url).href;
    const added = await submitFormInFirefox(options, 'form.add-feed', { feedUrl: address, feedLabel: 'Slow feed' }, 120_000);
    expect(added).toMatch(new RegExp(`^Calendar feed added: ${FEED_EVENTS.length} events`));
    await waitForAccountInFirefox(options, 'Slow feed', `Events: ${FEED_EVENTS.length}`, 150_000);
    // One download to check the feed and at most one for the first mirror (Firefox's HTTP cache may
    // answer it): a first mirror cut short by a stopped event page and begun again asks once more.
    expect(feedProxy.log.length).toBeLessThanOrEqual(2);
    console.log(`firefox slow server: feed added and mirrored after ${Date.now() - started} ms and ${feedProxy.log.length} requests`);
    await options.close();
  });

  it('adds a WebDAV photo folder and completes its first mirror', { timeout: 240_000 }, async () => {
    const started = Date.now();
    const options = await ext.openPage(`${OPTIONS}#photos`);
    await options.waitForSelector('form.add-photo-folder');
    const added = await submitFormInFirefox(options, 'form.add-photo-folder', { folderUrl: photoProxy.url, username: photos.username, password: photos.password, label: 'Slow photos' }, 120_000);
    expect(added).toMatch(/^Photo folder added/);
    // The first copy as it happens, under the form (the accounts are listed in another section).
    await waitForText(options, 'form.add-photo-folder .first-copy', `Photos: ${Object.keys(PHOTOS).length}`, 150_000);
    await options.waitForSelector('form.add-photo-folder .first-copy .status-ok', { timeout: 150_000 });
    // The walk went down every folder, one listing after the other, each slower than the idle timeout's half.
    expect(photoProxy.log.filter((r) => r.method === 'PROPFIND').map((r) => r.path)).toEqual(expect.arrayContaining(['/', '/Trip/', '/Trip/2022/', '/Trip/2022/Summer/']));
    console.log(`firefox slow server: photo folder added and mirrored after ${Date.now() - started} ms and ${photoProxy.log.length} requests`);
    await options.close();
  });

  it('signs in with Microsoft, and mirrors the contacts and the calendar from a slow Graph', { timeout: 240_000 }, async () => {
    const started = Date.now();
    await useMicrosoftGraph(graph.graphUrl, graphProxy);
    // A page opened now reads those settings.
    const options = await openFirefoxOptions(ext);
    await options.waitForSelector('.sign-in button:not([disabled])');
    await clickButton(options, 'Sign in with Microsoft', '.sign-in');
    expect(await waitForText(options, '.sign-in .message', /^(?!Contacting the server…$)./, 120_000)).toMatch(/^Account added/);
    expect(oauth.log).toContain('token: authorization_code');
    await waitForAccountInFirefox(options, 'Microsoft', `Contacts: ${MS_CONTACTS}`, 150_000);
    await waitForAccountInFirefox(options, 'Microsoft', `Events: ${MS_EVENTS}`, 150_000);
    console.log(`firefox slow server: Microsoft account added and mirrored after ${Date.now() - started} ms and ${graphProxy.log.length} Graph requests`);
    await options.close();
  });

  it('adds OneDrive photos with a sign-in, and mirrors them from a slow Graph', { timeout: 240_000 }, async () => {
    const started = Date.now();
    await useMicrosoftGraph(drive.graphUrl, driveProxy);
    const options = await ext.openPage(`${OPTIONS}#photos`);
    await options.waitForSelector('form.add-onedrive button[type=submit]:not([disabled])');
    // The defaults: a personal drive's camera roll.
    const added = await submitFormInFirefox(options, 'form.add-onedrive', { label: 'Slow OneDrive' }, 120_000);
    expect(added).toMatch(/^OneDrive folder “Camera Roll” added/);
    await waitForText(options, 'form.add-onedrive .first-copy', `Photos: ${Object.keys(PHOTOS).length}`, 150_000);
    await options.waitForSelector('form.add-onedrive .first-copy .status-ok', { timeout: 150_000 });
    expect(drive.storage.log.map((r) => r.status)).toEqual(Object.keys(PHOTOS).map(() => 200));
    console.log(`firefox slow server: OneDrive folder added and mirrored after ${Date.now() - started} ms and ${driveProxy.log.length} Graph requests`);
    await options.close();
  });
});
