// listChanges: unchanged, delta, and the full listing it falls back to (never an error for a
// token the server forgot).
import { describe, expect, it } from 'vitest';
import { createDavSource } from '../../src/providers/dav/dav-source';
import { AuthError } from '../../src/http/http-errors';
import { RateLimitError } from '../../src/http/transient-errors';
import type { RemoteCollection } from '../../src/model/source';
import { davFixture, fakeFetch, instantRetry, type FakeHandler } from '../harness/fake-fetch';

const BOOK: RemoteCollection = {
  href: 'http://127.0.0.1:5232/test/contacts/',
  kind: 'addressbook',
  displayName: 'Contacts',
  syncToken: 'token-new',
  ctag: '"ctag-new"',
  supportsSyncCollection: true,
};

function source(handler: FakeHandler) {
  const fake = fakeFetch(handler);
  const conn = { serverUrl: 'http://127.0.0.1:5232/', username: 'u', password: 'p', fetch: fake.fetch };
  return { fake, source: createDavSource(conn, 'addressbook', { retry: instantRetry().retry }) };
}

/** REPORT answers with `report`; PROPFIND with the captured Radicale ETag listing. */
const server = (report: ReturnType<FakeHandler>): FakeHandler => (call) =>
  call.method === 'REPORT' ? report : { body: davFixture('radicale-etags.xml') };

const FULL_ITEMS = [
  { href: `${BOOK.href}b2.vcf`, etag: '"e7cc5f9fe78d4b79c45250c0a0280a2c660307754a3b0c6719fda90d0c2697b5"' },
  { href: `${BOOK.href}c3.vcf`, etag: '"255040c4947a00f0b868e202be59cff7d44e2575605d2666fca48f42163fce62"' },
];

describe('DavSource.listChanges', () => {
  it('answers unchanged without a request when the token or the ctag is the same', async () => {
    const { fake, source: s } = source(() => ({ status: 500 }));
    expect(await s.listChanges(BOOK, { syncToken: 'token-new' })).toEqual({ mode: 'unchanged' });
    expect(await s.listChanges({ ...BOOK, syncToken: undefined, supportsSyncCollection: false }, { ctag: '"ctag-new"' })).toEqual({ mode: 'unchanged' });
    expect(fake.calls).toEqual([]);
  });

  it('returns a delta from sync-collection when a token is held', async () => {
    const { source: s } = source(server({ body: davFixture('radicale-sync-collection.xml') }));
    const listing = await s.listChanges(BOOK, { syncToken: 'token-old' });
    expect(listing).toEqual({
      mode: 'delta',
      changed: [{ href: `${BOOK.href}c3.vcf`, etag: '"255040c4947a00f0b868e202be59cff7d44e2575605d2666fca48f42163fce62"' }],
      removed: [`${BOOK.href}a1.vcf`],
      cursor: { syncToken: 'http://radicale.org/ns/sync/b1ef90e421f5b88e2cc2e5c7e727ad80ec65d4ca3404389dcb5f38aa9dea3339', ctag: '"ctag-new"' },
      carried: [],
    });
  });

  // A rejected token is followed by the initial listing (RFC 6578 §3.8: the empty token); a
  // server that refuses the report itself is not asked for it again.
  it.each([
    ['the DAV:valid-sync-token precondition', { status: 403, body: davFixture('radicale-invalid-sync-token.xml') }, ['REPORT', 'REPORT', 'PROPFIND']],
    // The first report asked the changed texts too: a 500 may be about them, so it is asked again without.
    ['a 500 (Xandikos 0.2.8 for an unknown token)', { status: 500, body: 'Server got itself in trouble' }, ['REPORT', 'REPORT', 'REPORT', 'PROPFIND']],
    ['a 501 from a server that advertised the report anyway', { status: 501 }, ['REPORT', 'PROPFIND']],
    ['a 403 DAV:supported-report (RFC 3253 §3.6: the report is refused)', { status: 403, body: '<D:error xmlns:D="DAV:"><D:supported-report/></D:error>' }, ['REPORT', 'PROPFIND']],
  ])('falls back to a full listing on %s', async (_what, reply, methods) => {
    const { fake, source: s } = source(server(reply));
    const listing = await s.listChanges(BOOK, { syncToken: 'token-old' });
    expect(listing).toEqual({ mode: 'full', items: FULL_ITEMS, cursor: { syncToken: 'token-new', ctag: '"ctag-new"' } });
    expect(fake.calls.map((c) => c.method)).toEqual(methods);
  });

  it('lists everything with one sync-collection of the empty token when no token is held', async () => {
    const answer = davFixture('radicale-sync-collection.xml');
    const { fake, source: s } = source(server({ body: answer }));
    const listing = await s.listChanges(BOOK, {});
    // The listing's own token: it stands for exactly what was listed.
    expect(listing).toEqual({
      mode: 'full',
      items: [{ href: `${BOOK.href}c3.vcf`, etag: '"255040c4947a00f0b868e202be59cff7d44e2575605d2666fca48f42163fce62"' }],
      cursor: { syncToken: 'http://radicale.org/ns/sync/b1ef90e421f5b88e2cc2e5c7e727ad80ec65d4ca3404389dcb5f38aa9dea3339', ctag: '"ctag-new"' },
    });
    expect(fake.calls.map((c) => `${c.method} ${c.headers.get('Depth')}`)).toEqual(['REPORT 0']);
    expect(fake.calls[0]!.body).toContain('<D:sync-token></D:sync-token>');
  });

  it('lists everything (skipping the collection itself) when there is no token or no sync support', async () => {
    const { fake, source: s } = source(server({ status: 500 }));
    expect(await s.listChanges(BOOK, {})).toMatchObject({ mode: 'full', items: FULL_ITEMS });
    const noSync = { ...BOOK, supportsSyncCollection: false, syncToken: undefined, ctag: undefined };
    const listing = await s.listChanges(noSync, { syncToken: 'x', ctag: 'old' });
    // The cursor comes from the collection's own entry in the listing when the caller had none.
    expect(listing).toMatchObject({ mode: 'full', cursor: { ctag: '"6a04ed3c7a4bc3bb80c423e46b286e46c33faafd9e128fbe5d919eaf5999c332"' } });
    // The initial sync-collection failed (500), so PROPFIND; without sync support, PROPFIND only.
    expect(fake.calls.map((c) => `${c.method} ${c.headers.get('Depth')}`)).toEqual(['REPORT 0', 'PROPFIND 1', 'PROPFIND 1']);
  });

  it('passes bad credentials on instead of hiding them behind a full listing', async () => {
    const { source: s } = source(server({ status: 401 }));
    await expect(s.listChanges(BOOK, { syncToken: 'token-old' })).rejects.toBeInstanceOf(AuthError);
  });

  it('asks a server that refused sync-collection only once per source', async () => {
    const { fake, source: s } = source(server({ status: 501 }));
    await s.listChanges(BOOK, { syncToken: 'token-old' });
    await s.listChanges({ ...BOOK, syncToken: 'token-newer' }, { syncToken: 'token-old' });
    // Refused once (501): neither the token nor the initial listing is asked by report again.
    expect(fake.calls.map((c) => c.method)).toEqual(['REPORT', 'PROPFIND', 'PROPFIND']);
  });

  it('passes a busy server on instead of loading it with a full listing', async () => {
    const { fake, source: s } = source(server({ status: 429, headers: { 'Retry-After': '3600' } }));
    await expect(s.listChanges(BOOK, { syncToken: 'token-old' })).rejects.toBeInstanceOf(RateLimitError);
    expect(fake.calls.map((c) => c.method)).toEqual(['REPORT']);
  });
});

describe('DavSource.listCollections', () => {
  const HOME = 'http://127.0.0.1:5232/test/';
  const home = (reportSet: string): string =>
    `<?xml version="1.0"?><D:multistatus xmlns:D="DAV:" xmlns:CARD="urn:ietf:params:xml:ns:carddav"><D:response><D:href>/test/contacts/</D:href><D:propstat><D:prop>` +
    `<D:resourcetype><D:collection/><CARD:addressbook/></D:resourcetype><D:displayname>Contacts</D:displayname>${reportSet}` +
    '</D:prop><D:status>HTTP/1.1 200 OK</D:status></D:propstat></D:response></D:multistatus>';
  const listing = (reportSet: string) => {
    const fake = fakeFetch(() => ({ body: home(reportSet) }));
    const conn = { serverUrl: HOME, username: 'u', password: 'p', fetch: fake.fetch };
    const discovery = { homes: [HOME], collections: [], guessed: false };
    return { fake, source: createDavSource(conn, 'addressbook', { retry: instantRetry().retry, discovery }) };
  };
  const SYNC_REPORT = '<D:supported-report-set><D:supported-report><D:report><D:sync-collection/></D:report></D:supported-report></D:supported-report-set>';

  it('asks no token nor ctag when they are not wanted and every collection offers sync-collection', async () => {
    const { fake, source: s } = listing(SYNC_REPORT);
    const [book] = await s.listCollections({ changeMarks: false });
    expect(book).toMatchObject({ href: `${HOME}contacts/`, supportsSyncCollection: true });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.body).not.toMatch(/sync-token|getctag/);
    // The next listing compares tokens with the cursors: it asks the token, and no ctag.
    await s.listCollections();
    expect(fake.calls[1]!.body).toContain('sync-token');
    expect(fake.calls[1]!.body).not.toContain('getctag');
  });

  it('asks them after all where a collection is listed by PROPFIND (no sync-collection offered)', async () => {
    const { fake, source: s } = listing('');
    await s.listCollections({ changeMarks: false });
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls[1]!.body).toContain('sync-token');
    expect(fake.calls[1]!.body).toContain('getctag');
  });
});
