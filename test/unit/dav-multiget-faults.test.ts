// multiget when a batch fails: one bad item must not cost the other 99 (halve the batch, GET
// the last one alone), bytes that are not UTF-8 are reported rather than stored altered, and
// failures that splitting cannot cure end the run instead of becoming per-item failures.
import { describe, expect, it } from 'vitest';
import { createAccountContext } from '../../src/http/http-context';
import { HttpError, NetworkError } from '../../src/http/http-errors';
import { RateLimitError } from '../../src/http/transient-errors';
import { davKind } from '../../src/providers/dav/dav-kind';
import { multiget } from '../../src/providers/dav/multiget';
import { fakeFetch, instantRetry, type FakeHandler } from '../harness/fake-fetch';

const BASE = 'https://h.example/c/';
const hrefs = (n: number) => Array.from({ length: n }, (_, i) => `${BASE}card-${i}.vcf`);
const requested = (body: string) => [...body.matchAll(/<D:href>([^<]+)<\/D:href>/g)].map((m) => m[1]!);
const card = (path: string) => `BEGIN:VCARD\r\nFN:${path}\r\nEND:VCARD\r\n`;
const answer = (paths: string[]) =>
  '<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">' +
  paths.map((p) => `<response><href>${p}</href><propstat><prop><getetag>"${p}"</getetag><C:address-data>${card(p)}</C:address-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>`).join('') +
  '</multistatus>';

function setup(handler: FakeHandler) {
  const fake = fakeFetch(handler);
  const ctx = createAccountContext({ serverUrl: BASE, username: 'u', password: 'p', fetch: fake.fetch }, { retry: instantRetry().retry });
  return { fake, ctx };
}

/** Xandikos-like: a multiget that includes `bad` fails with 500; a GET of it serves Latin-1 bytes. */
const oneBadItem = (bad: string, bytes = new Uint8Array([0x46, 0x4e, 0x3a, 0xe9])): FakeHandler => (call) => {
  if (call.method === 'GET') return call.url.endsWith(bad) ? { status: 200, bytes, contentType: 'text/vcard', headers: { ETag: '"g"' } } : { status: 404 };
  const paths = requested(call.body);
  return paths.some((p) => p.endsWith(bad)) ? { status: 500, body: 'Server got itself in trouble' } : { body: answer(paths) };
};

describe('multiget with a failing batch', () => {
  it('halves the batch around one bad item, fetches everything else, and reports the bad one', async () => {
    const { fake, ctx } = setup(oneBadItem('card-37.vcf'));
    const items = await multiget(ctx, davKind('addressbook'), BASE, hrefs(100));
    expect(items.map((i) => i.href)).toEqual(hrefs(100));
    const failures = items.filter((i) => 'error' in i);
    expect(failures).toEqual([{ href: `${BASE}card-37.vcf`, error: 'Not stored: the item holds bytes that are not valid UTF-8 text' }]);
    expect(items[36]).toEqual({ href: `${BASE}card-36.vcf`, etag: '"/c/card-36.vcf"', data: card('/c/card-36.vcf') });
    // 1 failed batch of 100, then 2 per level down to the single item (7 levels), then its GET.
    expect(fake.calls.length).toBeLessThanOrEqual(1 + 2 * 7 + 1);
    expect(fake.calls.filter((c) => c.method === 'GET').map((c) => c.url)).toEqual([`${BASE}card-37.vcf`]);
  });

  it('keeps an item the server can only hand over by GET, with the ETag from the header', async () => {
    const utf8 = new TextEncoder().encode('BEGIN:VCARD\r\nFN:Zoë\r\nEND:VCARD\r\n');
    const { ctx } = setup(oneBadItem('card-1.vcf', utf8));
    const items = await multiget(ctx, davKind('addressbook'), BASE, hrefs(3));
    expect(items[1]).toEqual({ href: `${BASE}card-1.vcf`, etag: '"g"', data: 'BEGIN:VCARD\r\nFN:Zoë\r\nEND:VCARD\r\n' });
  });

  it('does not store a multiget answer whose bytes are not UTF-8: it narrows down to the item', async () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode(answer(['/c/card-0.vcf'])).slice(0, -20), 0xe9, ...new TextEncoder().encode('</multistatus>')]);
    const { fake, ctx } = setup((call) => (call.method === 'GET' ? { status: 404 } : { bytes: latin1 }));
    const [item] = await multiget(ctx, davKind('addressbook'), BASE, hrefs(1));
    expect(item).toEqual({ href: `${BASE}card-0.vcf`, error: 'The server answered 404 for this address book item' });
    expect(fake.calls.map((c) => c.method)).toEqual(['REPORT', 'GET']);
  });

  it('GETs each item from a server without multiget (501)', async () => {
    const { fake, ctx } = setup((call) => (call.method === 'GET' ? { status: 200, body: card(call.url), contentType: 'text/vcard' } : { status: 501 }));
    const items = await multiget(ctx, davKind('addressbook'), BASE, hrefs(3));
    expect(items.every((i) => 'data' in i)).toBe(true);
    expect(fake.calls.map((c) => c.method)).toEqual(['REPORT', 'GET', 'GET', 'GET']);
  });

  it.each([
    ['a server still busy after every retry', { status: 503 }, RateLimitError],
    ['a gateway still failing after every retry', { status: 502 }, HttpError],
  ])('throws for %s instead of turning it into per-item failures', async (_what, reply, type) => {
    const { fake, ctx } = setup(() => reply);
    await expect(multiget(ctx, davKind('addressbook'), BASE, hrefs(10))).rejects.toBeInstanceOf(type);
    expect(fake.calls).toHaveLength(5);
  });

  it('throws when the connection keeps dropping', async () => {
    const { ctx } = setup(() => Promise.reject(new TypeError('other side closed')));
    await expect(multiget(ctx, davKind('calendar'), BASE, hrefs(2))).rejects.toBeInstanceOf(NetworkError);
  });
});
