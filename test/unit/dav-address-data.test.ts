// vCard 4.0 address-data (RFC 6352 §6.2.2, §10.4): asked for by name where the address book
// lists it, as before where it does not. The Cyrus answer is one captured from Cyrus IMAP 3.6.
import { describe, expect, it } from 'vitest';
import { addressDataElement, offersVcard4 } from '../../src/providers/dav/address-data';
import { createDavSource } from '../../src/providers/dav/dav-source';
import { parseXml, child } from '../../src/providers/dav/dav-xml';
import type { CollectionKind } from '../../src/model/source';
import { davFixture, fakeFetch, instantRetry, type FakeHandler } from '../harness/fake-fetch';

const HOME = 'http://127.0.0.1:8080/dav/addressbooks/user/lifeboat/';

function source(handler: FakeHandler, kind: CollectionKind = 'addressbook') {
  const fake = fakeFetch(handler);
  const conn = { serverUrl: 'http://127.0.0.1:8080/', username: 'u', password: 'p', fetch: fake.fetch };
  const discovery = { homes: [HOME], collections: [], guessed: false };
  return { fake, source: createDavSource(conn, kind, { retry: instantRetry().retry, discovery }) };
}

const emptyMultiget: FakeReply = { body: '<multistatus xmlns="DAV:"></multistatus>' };
type FakeReply = ReturnType<FakeHandler>;

function supported(xml: string) {
  const root = parseXml(`<C:supported-address-data xmlns:C="urn:ietf:params:xml:ns:carddav">${xml}</C:supported-address-data>`);
  return child(root, 'supported-address-data');
}

describe('supported-address-data', () => {
  it('finds text/vcard 4.0 among the types, whatever the prefix or the order of attributes', () => {
    expect(offersVcard4(supported('<C:address-data-type content-type="text/vcard" version="3.0"/><C:address-data-type version="4.0" content-type="text/vcard"/>'))).toBe(true);
    expect(offersVcard4(supported('<C:address-data-type content-type="text/vcard; charset=utf-8" version="4.0"/>'))).toBe(true);
    // §10.4.2: a missing content-type is text/vcard.
    expect(offersVcard4(supported('<C:address-data-type version="4.0"/>'))).toBe(true);
  });

  it('does not ask for 4.0 when only 3.0, another media type or nothing is listed', () => {
    expect(offersVcard4(supported('<C:address-data-type content-type="text/vcard" version="3.0"/>'))).toBe(false);
    expect(offersVcard4(supported('<C:address-data-type content-type="application/vcard+json" version="4.0"/>'))).toBe(false);
    expect(offersVcard4(supported('<C:address-data-type/>'))).toBe(false);
    expect(offersVcard4(undefined)).toBe(false);
  });

  it('keeps those attributes there only: any other element with attributes stays its text', () => {
    const root = parseXml('<D:multistatus xmlns:D="DAV:"><D:getetag version="4.0" content-type="x">"e1"</D:getetag></D:multistatus>');
    expect(child(child(root, 'multistatus'), 'getetag')).toBe('"e1"');
  });

  it('writes the address-data element with or without a version', () => {
    expect(addressDataElement('CARD', '4.0')).toBe('<CARD:address-data content-type="text/vcard" version="4.0"/>');
    expect(addressDataElement('CARD', undefined)).toBe('<CARD:address-data/>');
  });
});

describe('DavSource asks Cyrus for vCard 4.0', () => {
  it('reads the property in the listing PROPFIND and asks for 4.0 in the multiget, at no extra request', async () => {
    const { fake, source: s } = source((call) => (call.method === 'PROPFIND' ? { body: davFixture('cyrus-addressbook-home.xml') } : emptyMultiget));
    const [book] = await s.listCollections();
    expect(book).toMatchObject({ href: `${HOME}Default/`, vcardVersion: '4.0', supportsSyncCollection: true });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]?.body).toContain('<CARD:supported-address-data/>');
    await s.fetchItems(book!, [`${HOME}Default/a.vcf`]);
    expect(fake.calls[1]?.body).toContain('<CARD:address-data content-type="text/vcard" version="4.0"/>');
  });

  it('asks as before where the property is missing (Radicale), and never on calendars', async () => {
    const { fake, source: s } = source(() => emptyMultiget);
    const book = { href: `${HOME}Default/`, kind: 'addressbook' as const, displayName: 'D', supportsSyncCollection: true };
    await s.fetchItems(book, [`${HOME}Default/a.vcf`]);
    expect(fake.calls[0]?.body).toContain('<CARD:address-data/>');
    expect(fake.calls[0]?.body).not.toContain('version="4.0"');
    const calendars = source(() => ({ body: '<multistatus xmlns="DAV:"></multistatus>' }), 'calendar');
    await calendars.source.listCollections();
    expect(calendars.fake.calls[0]?.body).not.toContain('supported-address-data');
  });
});
