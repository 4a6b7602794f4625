// Items a backup tool meets in the wild: a card that is not a vCard, bytes that are not UTF-8,
// a valid card with a 10 MB photo. Xandikos stores what it is given and serves it back, so
// each one reaches the client: the one that is not UTF-8 must be reported with its href and
// fetched again, the one that is no valid vCard kept as served and named, the huge valid one
// kept byte for byte, the rest stored. Radicale refuses such items over PUT and
// fails the whole home listing (500) when one sits in its storage folder: then the run must
// fail loudly and leave the mirror exactly as it was.
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readers } from '../../src/sync/readers/index';
import { addTestAccount, freshDb } from '../support/test-db';
import type { DavTestServer } from '../harness/dav-test-server';
import { putItem, putItems } from '../harness/dav-items';
import { entries, itemPath, mirrorTexts, serverTexts } from '../harness/mirror-check';
import { runMirror, type MirrorSetup } from '../harness/mirror-run';
import { startRadicale, type RadicaleServer } from '../harness/radicale';
import { makeCards } from '../harness/sample-items';
import { startXandikos } from '../harness/xandikos';

const GOOD = makeCards(12);
const INVALID = 'BEGIN:VCARD\r\nVERSION:3.0\r\nthis line is no property\r\nFN:Broken\r\nEND:VCARD\r\n';
// "René" written by an old Latin-1 exporter: é is the single byte E9, not UTF-8.
const LATIN1 = Buffer.concat([
  Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nUID:latin1\r\nFN:Ren'),
  Buffer.from([0xe9]),
  Buffer.from('\r\nN:Ren;;;;\r\nEND:VCARD\r\n'),
]);
const HUGE = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'UID:huge-photo',
  'FN:Huge Photo',
  'N:Photo;Huge;;;',
  // 10 MB of base64 on one folded line (RFC 2426 §3.1.4 PHOTO;ENCODING=b).
  `PHOTO;ENCODING=b;TYPE=JPEG:${'/9j/4AAQSkZJRgABAQ'.repeat(582_543).replace(/(.{74})/g, '$1\r\n ')}`,
  'END:VCARD',
  '',
].join('\r\n');

function setupFor(server: DavTestServer, db = freshDb()): Promise<MirrorSetup> {
  return addTestAccount(db).then((account) => ({
    db,
    account,
    readers,
    serverUrl: server.url,
    username: server.username,
    password: server.password,
    kinds: ['addressbook'],
  }));
}

describe('malformed items served by Xandikos', () => {
  let server: DavTestServer;
  let setup: MirrorSetup;
  const url = (name: string) => new URL(name, server.addressBookUrl).href;

  beforeAll(async () => {
    server = await startXandikos();
    await putItems(server.addressBookUrl, GOOD);
    await putItem(url('invalid.vcf'), INVALID);
    const put = await fetch(url('latin1.vcf'), { method: 'PUT', headers: { 'Content-Type': 'text/vcard' }, body: LATIN1 });
    expect(put.status).toBe(201);
    await putItem(url('huge.vcf'), HUGE);
    setup = await setupFor(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('reports the bad ones with their href, keeps the 10 MB card intact, stores the rest', async () => {
    const { summary, requests } = await runMirror(setup);
    expect(summary.outcome).toBe('partial');
    expect(summary.added).toBe(GOOD.length + 2);
    expect(summary.errors.map((e) => [itemPath(e.href ?? ''), e.message])).toEqual([
      [itemPath(url('latin1.vcf')), 'Not stored: the item holds bytes that are not valid UTF-8 text'],
    ]);
    expect(summary.unreadable?.map((u) => [itemPath(u.href), u.title, u.reason])).toEqual([
      [itemPath(url('invalid.vcf')), 'Broken', 'Line 3 is not a valid vCard property (NAME:value).'],
    ]);
    const mirror = await mirrorTexts(setup.db, setup.account.id);
    expect(mirror.live.get(itemPath(url('huge.vcf')))).toBe(HUGE);
    expect(mirror.live.get(itemPath(url('invalid.vcf')))).toBe(INVALID);
    const server_ = await serverTexts(server.addressBookUrl);
    server_.delete(itemPath(url('latin1.vcf')));
    expect(entries(mirror.live)).toEqual(entries(server_));
    // Xandikos fails the whole multiget (500) over the Latin-1 card: the batch was halved down
    // to it, then it alone was fetched with GET.
    expect(requests.filter((r) => r.method === 'GET').map((r) => itemPath(r.url))).toEqual([itemPath(url('latin1.vcf'))]);
  });

  // The cursor moved on past them, so only the engine's list of pending items brings the
  // unsent one back; the one kept as served is named again without being fetched.
  it('still reports both on the next run', async () => {
    const { summary } = await runMirror(setup);
    expect(summary.errors.map((e) => itemPath(e.href ?? ''))).toEqual([itemPath(url('latin1.vcf'))]);
    expect(summary.unreadable?.map((u) => itemPath(u.href))).toEqual([itemPath(url('invalid.vcf'))]);
  });
});

describe('a broken file in Radicale’s storage', () => {
  let server: RadicaleServer;
  let setup: MirrorSetup;
  const brokenFile = () => join(server.storageDir, 'collection-root', server.username, 'contacts', 'broken.vcf');

  beforeAll(async () => {
    server = await startRadicale({ seed: [{ name: 'contacts', kind: 'addressbook', items: GOOD }] });
    setup = await setupFor(server);
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('fails the run with the server’s error and leaves the mirror exactly as it was', async () => {
    expect((await runMirror(setup)).summary).toMatchObject({ outcome: 'ok', added: GOOD.length });
    const before = await mirrorTexts(setup.db, setup.account.id);
    // Radicale refuses it over PUT (400); another program wrote it straight into the folder.
    await writeFile(brokenFile(), INVALID);

    const { summary } = await runMirror(setup);
    expect(summary).toMatchObject({ outcome: 'failed', added: 0, deletedUpstream: 0 });
    expect(summary.errors[0]?.message).toMatch(/^The server answered 500 .* for 127\.0\.0\.1:\d+\/lifeboat\/$/);
    expect(await mirrorTexts(setup.db, setup.account.id)).toEqual(before);

    await rm(brokenFile());
    expect((await runMirror(setup)).summary).toMatchObject({ outcome: 'ok', added: 0, deletedUpstream: 0 });
    expect(entries((await mirrorTexts(setup.db, setup.account.id)).live)).toEqual(entries(await serverTexts(server.addressBookUrl, server)));
  });
});
