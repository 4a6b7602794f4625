// The walking skeleton's path against Cyrus IMAP, the server Fastmail runs, in real Chromium:
// add the account from the bare origin (Cyrus answers /.well-known/ with redirects), mirror
// every card and event, and export the contacts with one click. The cards include one held as
// vCard 4.0 with a data: URI PHOTO: asked for without a version, Cyrus would serve it as 3.0
// with the photo cut; the .vcf must carry the image's very bytes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { makeCards, makeEvents, putItem, putItems } from '../harness';
import { makeJpeg } from '../harness/sample-photo';
import { startCyrus, type CyrusServer } from '../harness/cyrus';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, submitAccount, waitForMirror } from '../browser/extension-pages';
import { waitForFile } from '../browser/wait-for-file';
import { exportFileName } from '../../src/exporters/file-names';

const CARDS = makeCards(12);
const EVENTS = makeEvents(5);
const JPEG = Buffer.from(makeJpeg({ bytes: 3000, seed: 11 })).toString('base64');
const PHOTO_CARD = ['BEGIN:VCARD', 'VERSION:4.0', 'UID:urn:uuid:cyrus-e2e-photo', 'FN:Photo Person', 'N:Person;Photo;;;',
  `PHOTO:data:image/jpeg;base64,${JPEG}`, 'END:VCARD', ''].join('\r\n');

let cyrus: CyrusServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  cyrus = await startCyrus();
  const auth = { username: cyrus.username, password: cyrus.password };
  await putItems(cyrus.addressBookUrl, CARDS, auth);
  await putItems(cyrus.calendarUrl, EVENTS, auth);
  await putItem(`${cyrus.addressBookUrl}photo.vcf`, PHOTO_CARD, auth);
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
});

afterAll(async () => {
  await ext?.close();
  await cyrus?.stop();
});

describe('walking skeleton in Chromium against Cyrus IMAP', () => {
  it('adds the account from the bare origin and mirrors every card and event', async () => {
    const options = await openOptions(ext);
    const account = { serverUrl: cyrus.url, username: cyrus.username, password: cyrus.password, label: 'Cyrus' };
    expect(await submitAccount(options, account)).toMatch(/Account added/);
    const popup = await openPopup(ext);
    await waitForMirror(popup, CARDS.length + 1);
    await popup.getByTestId('event-count').filter({ hasText: `Events: ${EVENTS.length}` }).waitFor();
    await options.close();
    await popup.close();
  });

  it('exports with one click a .vcf whose photo holds the very bytes put on the server', async () => {
    const popup = await openPopup(ext);
    await popup.getByRole('button', { name: 'Export contacts (.vcf)' }).click();
    await popup.getByRole('status').filter({ hasText: /Saved/ }).waitFor();
    const text = readFileSync(await waitForFile(ext.downloadsDir, exportFileName('contacts', new Date(), 'vcf')), 'utf8');
    expect(text.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(CARDS.length + 1);
    // The default export is vCard 3.0: the data: URI becomes ENCODING=b with the same bytes.
    const unfolded = text.replace(/\r\n[ \t]/g, '');
    const photo = /^PHOTO;[^:\r\n]*:([A-Za-z0-9+/=]+)\r$/m.exec(unfolded);
    expect(photo?.[1]).toBe(JPEG);
    await popup.close();
  });
});
