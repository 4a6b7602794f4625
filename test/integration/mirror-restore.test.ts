// A server restored from an older backup (Radicale restarted from a copy of its storage folder,
// behind the same URL): it no longer knows the mirror's sync token, so the engine must compare
// everything and take the server's older state in without losing anything. Items added after
// the backup are marked deleted upstream with their text kept; items changed after it go back
// to their old text, and the newer text is kept as a version. The Sidekick lesson, GUIDE §1.
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readers } from '../../src/sync/readers/index';
import { addTestAccount, freshDb } from '../support/test-db';
import { putItem } from '../harness/dav-items';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy';
import { entries, itemPath, mirrorTexts, serverTexts } from '../harness/mirror-check';
import { runMirror, type MirrorSetup } from '../harness/mirror-run';
import { startRadicale, type RadicaleServer } from '../harness/radicale';
import { makeCard, makeCards } from '../harness/sample-items';
import { makeTempDir, type TempDir } from '../harness/temp-dir';

describe('a Radicale server restored from an older copy of its storage', () => {
  let original: RadicaleServer;
  let restored: RadicaleServer | undefined;
  let proxy: FaultProxy;
  let backup: TempDir;
  let setup: MirrorSetup;
  const auth = () => ({ username: original.username, password: original.password });
  const cardUrl = (n: number) => new URL(makeCard(n).name, original.addressBookUrl).href;

  beforeAll(async () => {
    original = await startRadicale({ seed: [{ name: 'contacts', kind: 'addressbook', items: makeCards(20) }] });
    proxy = await startFaultProxy(original.url);
    backup = await makeTempDir('lifeboat-radicale-backup-');
    const db = freshDb();
    setup = { db, account: await addTestAccount(db), readers, serverUrl: proxy.url, username: original.username, password: original.password, kinds: ['addressbook'] };
  });
  afterAll(async () => {
    await proxy?.stop();
    await Promise.all([original?.stop(), restored?.stop()]);
    await backup?.remove();
  });

  it('marks what the backup lacks as deleted upstream, reverts changed cards, and keeps every text', async () => {
    expect((await runMirror(setup)).summary).toMatchObject({ outcome: 'ok', added: 20 });
    await cp(original.storageDir, join(backup.path, 'storage'), { recursive: true });
    await putItem(cardUrl(21), makeCard(21).data, auth());
    await putItem(cardUrl(2), makeCard(2, 1).data, auth());
    expect((await runMirror(setup)).summary).toMatchObject({ outcome: 'ok', added: 1, changed: 1 });

    await original.stop();
    restored = await startRadicale({ copyStorageFrom: join(backup.path, 'storage') });
    proxy.retarget(restored.url);
    const { summary, requests } = await runMirror(setup);

    expect(summary).toMatchObject({ outcome: 'ok', added: 0, changed: 1, deletedUpstream: 1, errors: [] });
    // The saved token was refused (403 DAV:valid-sync-token), then every ETag listed by the
    // initial sync-collection (RFC 6578 §3.8: the empty token), not by PROPFIND.
    expect(requests.filter((r) => r.report === 'sync-collection')).toHaveLength(2);
    expect(requests.filter((r) => r.method === 'PROPFIND' && itemPath(r.url) === itemPath(restored!.addressBookUrl))).toHaveLength(0);
    const mirror = await mirrorTexts(setup.db, setup.account.id);
    expect(entries(mirror.live)).toEqual(entries(await serverTexts(restored.addressBookUrl, auth())));
    expect(entries(mirror.deleted)).toEqual([[itemPath(cardUrl(21)), makeCard(21).data]]);
    const card2 = (await setup.db.items.toArray()).find((i) => itemPath(i.href) === itemPath(cardUrl(2)));
    expect(card2?.raw).toBe(makeCard(2).data);
    const versions = await setup.db.versions.where('itemId').equals(card2!.id).sortBy('replacedAt');
    expect(versions.map((v) => v.raw)).toEqual([makeCard(2).data, makeCard(2, 1).data]);
  });
});
