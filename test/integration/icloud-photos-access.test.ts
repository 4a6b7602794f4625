// Before iCloud Photos are listed: Advanced Data Protection (the photos service's PCS cookies
// asked for once, or a refusal before anything is read when web access is off), a library
// iCloud is still indexing, and an Apple ID without iCloud Photos; each a clear error with the
// mirror untouched. Against the reproduction of icloud.com's web services.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { insertAccount } from '../../src/db/accounts';
import type { LifeboatDb } from '../../src/db/schema';
import { createHttpContext } from '../../src/http/http-context';
import { retryPolicy } from '../../src/http/retry-policy';
import { IcloudPhotosNotSetUpError, IcloudWebAccessOffError } from '../../src/providers/icloud-web/icloud-errors';
import { sessionOnce } from '../../src/providers/icloud-web/session-once';
import { createIcloudPhotoSource } from '../../src/providers/icloud-photos/cloudkit-photo-source';
import { syncPhotoFolder } from '../../src/sync/photos/sync-photo-folder';
import { seedSampleAccount } from '../harness/icloud/sample-account';
import { startIcloudWebServer, type IcloudWebServer } from '../harness/icloud/icloud-web-server';
import { icloudBrowserFetch } from '../support/icloud-browser-fetch';
import { freshDb } from '../support/test-db';

let icloud: IcloudWebServer;
const noSleep = () => Promise.resolve();

function source() {
  const ctx = createHttpContext({ serverUrl: icloud.setupUrl, authorization: '', credentials: 'browser-session', fetch: icloudBrowserFetch(icloud).fetch, options: { retry: { sleep: noSleep } } });
  return createIcloudPhotoSource({ ctx, session: sessionOnce(ctx, icloud.setupUrl), editedVersions: false });
}
const listedNames = async () => {
  const changes = await source().listChanges(null);
  return changes.mode === 'full' ? changes.photos.map((p) => p.name).sort() : [];
};
const paths = () => icloud.log.map((l) => l.replace(/^\d+ \w+ /, '').replace(/^.*\/private\//, ''));

beforeEach(async () => {
  icloud = await startIcloudWebServer();
  icloud.signIn();
  seedSampleAccount(icloud, { contacts: 0, events: 0, photos: 2 });
});
afterEach(async () => icloud.stop());

describe('iCloud Photos under Advanced Data Protection', () => {
  it('with web access on, asks for the photos service cookies once, then lists the library', async () => {
    icloud.setAdvancedDataProtection('web-access-on');
    expect(await listedNames()).toEqual(['IMG_0001.JPG', 'IMG_0002.JPG']);
    expect(paths().slice(0, 4)).toEqual(['/setup/ws/1/validate', '/setup/ws/1/requestWebAccessState', '/setup/ws/1/requestPCS', 'zones/list']);
    expect(paths().filter((p) => p.endsWith('requestPCS'))).toHaveLength(1);
  });

  it('with web access off, refuses before asking CloudKit anything', async () => {
    icloud.setAdvancedDataProtection('web-access-off');
    await expect(source().listChanges(null)).rejects.toBeInstanceOf(IcloudWebAccessOffError);
    expect(paths()).toEqual(['/setup/ws/1/validate']);
  });

  it('without Advanced Data Protection asks for no cookies', async () => {
    expect(await listedNames()).toHaveLength(2);
    expect(paths().some((p) => /requestPCS|requestWebAccessState/.test(p))).toBe(false);
  });
});

describe('a library iCloud cannot list yet', () => {
  let db: LifeboatDb;

  beforeEach(async () => {
    db = freshDb();
    await insertAccount(db, { id: 'icp', kind: 'icloud-photos', label: 'iCloud Photos', serverUrl: icloud.setupUrl, calendarServerUrl: null, services: [], username: '' }, 1);
  });

  const run = async () => syncPhotoFolder({ db, source: source(), now: Date.now, retry: retryPolicy({ sleep: noSleep }), account: (await db.accounts.get('icp'))! });

  it('says iCloud is still preparing the library while it indexes, and mirrors once it is done', async () => {
    icloud.photos.setIndexing('RUNNING');
    const summary = await run();
    expect(summary).toMatchObject({ outcome: 'failed' });
    expect((await db.accounts.get('icp'))?.lastError).toMatch(/still preparing your library; Lifeboat tries again later/);
    expect(paths().some((p) => p === 'changes/zone')).toBe(false);
    icloud.photos.setIndexing('FINISHED');
    expect(await run()).toMatchObject({ outcome: 'ok', added: 2 });
  });

  it('says iCloud Photos is not set up for an Apple ID without it', async () => {
    icloud.photos.deactivate();
    await expect(source().listChanges(null)).rejects.toBeInstanceOf(IcloudPhotosNotSetUpError);
  });
});
