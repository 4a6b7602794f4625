// RFC 6578 sync-collection: deltas, truncated results, rejected tokens.
import { describe, expect, it } from 'vitest';
import { createAccountContext } from '../../src/http/http-context';
import { AuthError } from '../../src/http/http-errors';
import { InvalidSyncTokenError } from '../../src/providers/dav/dav-errors';
import { davKind } from '../../src/providers/dav/dav-kind';
import { syncCollection, type SyncCollectionOptions } from '../../src/providers/dav/sync-collection';
import type { BodyCaps } from '../../src/http/body-caps';
import { davFixture, fakeFetch, type FakeHandler } from '../harness/fake-fetch';

const CARDS = davKind('addressbook');

function run(handler: FakeHandler, url: string, token = 'old-token', options: SyncCollectionOptions = {}, bodyCaps: Partial<BodyCaps> = {}) {
  const fake = fakeFetch(handler);
  const ctx = createAccountContext({ serverUrl: url, username: 'u', password: 'p', fetch: fake.fetch }, { bodyCaps });
  return { fake, result: syncCollection(ctx, CARDS, url, token, options) };
}

const page = (responses: string, token: string): string =>
  `<d:multistatus xmlns:d="DAV:">${responses}<d:sync-token>${token}</d:sync-token></d:multistatus>`;
const changed = (href: string, etag: string): string =>
  `<d:response><d:href>${href}</d:href><d:propstat><d:prop><d:getetag>${etag}</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;
const removed = (href: string): string => `<d:response><d:href>${href}</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>`;
const truncated = (href: string): string => `<d:response><d:href>${href}</d:href><d:status>HTTP/1.1 507 Insufficient Storage</d:status></d:response>`;

describe('syncCollection', () => {
  it('reads changed and removed members from a Nextcloud-style answer', async () => {
    const url = 'https://cloud.example.com/remote.php/dav/addressbooks/users/jane%40example.com/contacts/';
    const { fake, result } = run(() => ({ body: davFixture('nextcloud-sync-collection.xml') }), url, 'http://sabre.io/ns/sync/0042');
    expect(await result).toEqual({
      changed: [{ href: `${url}a%2Bb%20c.vcf`, etag: '"5c1ae0a6e1d5b4a4a5e8a2b9f7c7d8e1"' }],
      removed: [`${url}removed-1.vcf`],
      syncToken: 'http://sabre.io/ns/sync/0043',
      carried: [],
    });
    const call = fake.calls[0]!;
    expect(call.method).toBe('REPORT');
    expect(call.headers.get('Depth')).toBe('0');
    expect(call.body).toContain('<D:sync-token>http://sabre.io/ns/sync/0042</D:sync-token><D:sync-level>1</D:sync-level>');
  });

  it('skips the collection itself, which iCloud lists among the changes', async () => {
    const url = 'https://p42-contacts.icloud.com/1234567/carddavhome/card/';
    const { result } = run(() => ({ body: davFixture('icloud-sync-collection.xml') }), url);
    const delta = await result;
    expect(delta.changed.map((c) => c.href)).toEqual([`${url}ABCDEF-1234.vcf`]);
    expect(delta.removed).toEqual([`${url}OLD-5678.vcf`]);
  });

  it('follows truncated results (507 on the request-URI) until complete, later pages winning', async () => {
    const url = 'https://h.example/c/';
    const pages: Record<string, string> = {
      t0: page(changed('/c/a.vcf', '"a1"') + changed('/c/b.vcf', '"b1"') + truncated('/c/'), 't1'),
      t1: page(removed('/c/a.vcf') + changed('/c/b.vcf', '"b2"') + truncated('/c/'), 't2'),
      t2: page(changed('/c/d.vcf', '"d1"'), 't3'),
    };
    const { fake, result } = run((call) => ({ body: pages[/<D:sync-token>(\w+)</.exec(call.body)?.[1] ?? ''] }), url, 't0');
    expect(await result).toEqual({
      changed: [{ href: `${url}b.vcf`, etag: '"b2"' }, { href: `${url}d.vcf`, etag: '"d1"' }],
      removed: [`${url}a.vcf`],
      syncToken: 't3',
      carried: [],
    });
    expect(fake.calls).toHaveLength(3);
  });

  it('skips members that are not vCards', async () => {
    const body = page(
      '<d:response><d:href>/c/photo.jpg</d:href><d:propstat><d:prop><d:getetag>"p"</d:getetag>' +
        '<d:getcontenttype>image/jpeg</d:getcontenttype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>',
      't9',
    );
    expect((await run(() => ({ body }), 'https://h.example/c/').result).changed).toEqual([]);
  });

  it.each([
    ['403 with DAV:valid-sync-token (Radicale)', 403, davFixture('radicale-invalid-sync-token.xml')],
    ['409 with DAV:valid-sync-token', 409, '<d:error xmlns:d="DAV:"><d:valid-sync-token/></d:error>'],
    ['400', 400, ''],
    ['410', 410, ''],
  ])('throws InvalidSyncTokenError for %s', async (_what, status, body) => {
    await expect(run(() => ({ status, body }), 'https://h.example/c/').result).rejects.toBeInstanceOf(InvalidSyncTokenError);
  });

  it('keeps a 403 without the precondition an AuthError', async () => {
    await expect(run(() => ({ status: 403, body: 'Forbidden' }), 'https://h.example/c/').result).rejects.toBeInstanceOf(AuthError);
  });
});

describe('syncCollection carrying the changed texts', () => {
  const url = 'https://h.example/c/';
  const CARD = 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nEND:VCARD\r\n';
  const withText = (href: string, etag: string, text: string): string =>
    `<d:response><d:href>${href}</d:href><d:propstat><d:prop><d:getetag>${etag}</d:getetag>` +
    `<card:address-data xmlns:card="urn:ietf:params:xml:ns:carddav"><![CDATA[${text}]]></card:address-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;
  const carry: SyncCollectionOptions = { carry: { vcardVersion: '4.0' } };
  /** `text` as UTF-8 with its NUL characters turned into a byte no UTF-8 text holds. */
  const notUtf8 = (text: string): Uint8Array<ArrayBuffer> => new Uint8Array(new TextEncoder().encode(text).map((byte) => (byte === 0 ? 0xff : byte)));

  it('asks the texts in the report and hands them over as a multiget would, in one request', async () => {
    const body = page(withText('/c/a.vcf', '"a2"', CARD) + changed('/c/b.vcf', '"b2"') + removed('/c/gone.vcf'), 't1');
    const { fake, result } = run(() => ({ body }), url, 't0', carry);
    expect(await result).toEqual({
      changed: [{ href: `${url}a.vcf`, etag: '"a2"' }, { href: `${url}b.vcf`, etag: '"b2"' }],
      removed: [`${url}gone.vcf`],
      syncToken: 't1',
      // b.vcf came without its text: the engine fetches it.
      carried: [{ href: `${url}a.vcf`, etag: '"a2"', data: CARD }],
    });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.body).toContain('<CARD:address-data content-type="text/vcard" version="4.0"/>');
  });

  it('asks only the first round for texts, and drops a text a later round lists again', async () => {
    const pages: Record<string, string> = {
      t0: page(withText('/c/a.vcf', '"a1"', CARD) + withText('/c/b.vcf', '"b1"', CARD) + truncated('/c/'), 't1'),
      t1: page(changed('/c/b.vcf', '"b2"'), 't2'),
    };
    const { fake, result } = run((call) => ({ body: pages[/<D:sync-token>(\w+)</.exec(call.body)?.[1] ?? ''] }), url, 't0', carry);
    expect((await result).carried).toEqual([{ href: `${url}a.vcf`, etag: '"a1"', data: CARD }]);
    expect(fake.calls.map((call) => call.body.includes('address-data'))).toEqual([true, false]);
  });

  it.each([
    ['an answer larger than the delta cap', () => ({ body: page(withText('/c/a.vcf', '"a2"', CARD.repeat(200)), 't1') })],
    ['a 400 (a server that will not name the text in this report)', () => ({ status: 400, body: '' })],
    ['a 500', () => ({ status: 500, body: '' })],
    ['texts that are not UTF-8 (they would be stored altered)', () => ({ bytes: notUtf8(page(withText('/c/a.vcf', '"a2"', CARD.replace('Anna', 'Ann\u0000')), 't1')) })],
  ])('lists again without the texts after %s', async (_what, carrying) => {
    const plain = page(changed('/c/a.vcf', '"a2"'), 't1');
    const { fake, result } = run((call) => (call.body.includes('address-data') ? carrying() : { body: plain }), url, 't0', carry, { delta: 4096 });
    const delta = await result;
    expect(delta).toEqual({ changed: [{ href: `${url}a.vcf`, etag: '"a2"' }], removed: [], syncToken: 't1', carried: [] });
    expect(fake.calls).toHaveLength(2);
  });

  it('carries no text for a member on another host, which a multiget would refuse too', async () => {
    const body = page(withText('https://elsewhere.example/c/a.vcf', '"a2"', CARD) + withText('/c/b.vcf', '"b2"', CARD), 't1');
    const { result } = run(() => ({ body }), url, 't0', carry);
    expect((await result).carried.map((item) => item.href)).toEqual([`${url}b.vcf`]);
  });
});
