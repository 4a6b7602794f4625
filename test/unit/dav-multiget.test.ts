// addressbook-multiget / calendar-multiget: batches, exact text, failures reported per item.
import { describe, expect, it } from 'vitest';
import { createAccountContext } from '../../src/http/http-context';
import { NetworkError } from '../../src/http/http-errors';
import { davKind } from '../../src/providers/dav/dav-kind';
import { multiget } from '../../src/providers/dav/multiget';
import { davFixture, fakeFetch, instantRetry, unreachableFetch, type FakeHandler } from '../harness/fake-fetch';

const URL_ = 'https://h.example/c/';

function context(handler: FakeHandler, serverUrl = URL_) {
  const fake = fakeFetch(handler);
  return { fake, ctx: createAccountContext({ serverUrl, username: 'u', password: 'p', fetch: fake.fetch }) };
}

/** Answers each requested href with a card, except names starting with "missing". */
const echoServer: FakeHandler = (call) => {
  const hrefs = [...call.body.matchAll(/<D:href>([^<]+)<\/D:href>/g)].map((m) => m[1]!);
  const responses = hrefs
    .filter((h) => !h.includes('missing'))
    .map((h) => `<response><href>${h}</href><propstat><prop><getetag>"${h}"</getetag><C:address-data>DATA ${h}\r\n</C:address-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>`);
  return { body: `<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">${responses.join('')}</multistatus>` };
};

describe('multiget', () => {
  it('fetches in batches and answers in request order', async () => {
    const { fake, ctx } = context(echoServer);
    const hrefs = ['a', 'b', 'c', 'd', 'e'].map((n) => `${URL_}${n}.vcf`);
    const items = await multiget(ctx, davKind('addressbook'), URL_, hrefs, 2);
    expect(fake.calls).toHaveLength(3);
    expect(fake.calls[0]?.body).toContain('<CARD:addressbook-multiget');
    expect(fake.calls[0]?.body).toContain('<D:href>/c/a.vcf</D:href><D:href>/c/b.vcf</D:href>');
    expect(items.map((i) => i.href)).toEqual(hrefs);
    expect(items[4]).toEqual({ href: `${URL_}e.vcf`, etag: '"/c/e.vcf"', data: 'DATA /c/e.vcf\r\n' });
  });

  it('reports hrefs the server skipped, 404s and empty data as failures', async () => {
    const { ctx } = context(() => ({ body: davFixture('nextcloud-multiget.xml') }));
    const base = 'https://h.example/remote.php/dav/addressbooks/users/jane%40example.com/contacts/';
    const items = await multiget(ctx, davKind('addressbook'), base, [`${base}a+b%20c.vcf`, `${base}gone.vcf`, `${base}missing.vcf`]);
    expect(items[0]).toMatchObject({ href: `${base}a%2Bb%20c.vcf`, etag: '"5c1ae0a6e1d5b4a4a5e8a2b9f7c7d8e1"' });
    expect(items[1]).toEqual({ href: `${base}gone.vcf`, error: 'HTTP 404 for address-data' });
    expect(items[2]).toEqual({ href: `${base}missing.vcf`, error: 'missing from the server answer' });
  });

  it('keeps iCloud CDATA text exactly, and reports a response-level 404', async () => {
    const base = 'https://p42-contacts.icloud.com/1234567/carddavhome/card/';
    const { ctx } = context(() => ({ body: davFixture('icloud-multiget.xml') }), 'https://contacts.icloud.com/');
    const [card, missing] = await multiget(ctx, davKind('addressbook'), base, [`${base}ABCDEF-1234.vcf`, `${base}MISSING.vcf`]);
    expect(card && 'data' in card ? card.data : '').toMatch(/^BEGIN:VCARD\r\n[\s\S]*\r\nEND:VCARD\r\n$/);
    expect(missing).toEqual({ href: `${base}MISSING.vcf`, error: 'HTTP/1.1 404 Not Found' });
  });

  it('turns a failed batch into failures, but throws when the server cannot be reached', async () => {
    const { ctx } = context(() => ({ status: 500 }));
    const items = await multiget(ctx, davKind('calendar'), URL_, [`${URL_}e.ics`]);
    expect(items).toEqual([{ href: `${URL_}e.ics`, error: expect.stringContaining('500') as unknown }]);
    const offline = createAccountContext({ serverUrl: URL_, username: 'u', password: 'p', fetch: unreachableFetch }, { retry: instantRetry().retry });
    await expect(multiget(offline, davKind('calendar'), URL_, [`${URL_}e.ics`])).rejects.toBeInstanceOf(NetworkError);
  });
});
