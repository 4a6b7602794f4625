// Contact labels and Google: Google's CardDAV keeps no CATEGORIES (the proxy in front of a real
// Radicale drops them on PUT and never serves them). Mirroring a Google account brings its
// contacts without labels; restoring labelled contacts into it says how many arrive without
// their labels, sends each card whole, and the next sync of the Google account adds them as
// they are there: nothing looks changed or deleted, no alarm, and the labelled text stays in
// the collection the restore copied from. Running the restore again creates nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeCard, startRadicale, type RadicaleServer } from '../harness';
import { startGoogleDavProxy, type GoogleDavProxy } from '../harness/google-dav-proxy';
import { runMirror } from '../harness/mirror-run';
import { addTestAccount, freshDb } from '../support/test-db';
import { insertAccount } from '../../src/db/accounts';
import { createAccountContext } from '../../src/http/http-context';
import { putNewItem } from '../../src/providers/dav/put-new-item';
import { sourceForAccount } from '../../src/providers/source-for-account';
import { pushToCollection } from '../../src/restore/push-to-collection';
import { setupOf } from '../../src/providers/setup-registry';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers';

const TOKEN = 'google-test-token';
const bearer = { accessToken: TOKEN, renew: () => Promise.resolve(TOKEN) };
// Four labelled cards (one list folded over two lines), two without labels.
const LABELLED = [
  makeCard(1, 0, ['CATEGORIES:Family,Friends']),
  makeCard(2, 0, ['CATEGORIES:Family']),
  makeCard(3, 0, [`CATEGORIES:${'Choir,'.repeat(15)}Neighbours`]),
  makeCard(4, 0, ['CATEGORIES:Work']),
];
const CARDS = [...LABELLED, makeCard(5), makeCard(6)];
const GOOGLE_OWN = makeCard(100, 0, ['CATEGORIES:starred']);
let other: RadicaleServer;
let google: RadicaleServer;
let proxy: GoogleDavProxy;

beforeAll(async () => {
  [other, google] = await Promise.all([
    startRadicale({ seed: [{ name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS }] }),
    startRadicale({ seed: [{ name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: [GOOGLE_OWN] }] }),
  ]);
  proxy = await startGoogleDavProxy(google, (token) => token === TOKEN);
});
afterAll(async () => {
  await proxy?.stop();
  await other?.stop();
  await google?.stop();
});

const storedOnGoogle = () => {
  const dir = join(google.storageDir, 'collection-root', google.username, 'contacts');
  return readdirSync(dir).filter((f) => f.endsWith('.vcf')).map((f) => readFileSync(join(dir, f), 'utf8'));
};

describe('contact labels and Google', () => {
  it('restores labelled contacts into Google, says the labels do not travel, and the next sync changes nothing it should not', async () => {
    const db = freshDb();
    const from = { db, account: await addTestAccount(db, 'other'), readers, serverUrl: other.url, username: other.username, password: other.password, kinds: ['addressbook' as const] };
    const googleAccount = await insertAccount(db, { id: 'g', kind: 'google', label: 'Google', serverUrl: proxy.carddavUrl, calendarServerUrl: null, services: ['addressbook'], username: '' }, 1);
    const syncGoogle = () => syncAccount({ db, source: sourceForAccount(googleAccount, bearer).source, readers, now: Date.now }, googleAccount);
    expect((await runMirror(from)).summary).toMatchObject({ outcome: 'ok', added: CARDS.length });
    expect(await syncGoogle()).toMatchObject({ outcome: 'ok', added: 1 });
    // Google serves its own contact without the label it has there.
    const own = await db.items.filter((i) => i.uid === 'lifeboat-card-0100').first();
    expect(own?.raw).not.toMatch(/CATEGORIES/);

    const collections = await db.collections.toArray();
    const source = collections.find((c) => c.accountId === 'other')!;
    const into = collections.find((c) => c.accountId === 'g')!;
    const ctx = createAccountContext({ serverUrl: proxy.carddavUrl, username: '', password: '', bearer });
    const target = { source: sourceForAccount(googleAccount, bearer).source, put: (url: string, body: string, type: string) => putNewItem(ctx, url, body, type), keepsLabels: setupOf('google').keepsContactLabels };
    const push = (dryRun: boolean) => pushToCollection(db, { sourceCollectionId: source.id, targetCollectionHref: into.href, dryRun }, target, readers);

    expect(await push(true)).toMatchObject({ dryRun: true, created: CARDS.length, labelsNotKept: LABELLED.length });
    expect(await push(false)).toMatchObject({ created: CARDS.length, labelsNotKept: LABELLED.length, failed: [] });
    // Lifeboat sent each card whole; Google kept it without CATEGORIES.
    expect(storedOnGoogle()).toHaveLength(CARDS.length + 1);
    expect(storedOnGoogle().filter((text) => /CATEGORIES/.test(text))).toHaveLength(1);

    // The next sync: new contacts, nothing changed or marked deleted, no alarm.
    expect(await syncGoogle()).toMatchObject({ outcome: 'ok', added: CARDS.length, changed: 0, deletedUpstream: 0, alarms: [] });
    const inGoogle = await db.items.where('collectionId').equals(into.id).toArray();
    expect(inGoogle.filter((i) => /CATEGORIES/.test(i.raw))).toEqual([]);
    // The labels stay in Lifeboat's copy, in the collection the restore copied from.
    const inSource = await db.items.where('collectionId').equals(source.id).toArray();
    expect(inSource.filter((i) => /CATEGORIES/.test(i.raw))).toHaveLength(LABELLED.length);
    expect(await db.versions.count()).toBe(0);

    expect(await push(false)).toMatchObject({ created: 0, alreadyThere: CARDS.length, labelsNotKept: 0 });
    expect(await syncGoogle()).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0 });
  });
});
