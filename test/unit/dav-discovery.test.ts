// Discovery (RFC 6764 §6, RFC 5397, RFC 6352 §7.1.1, RFC 4791 §6.2.1) with scripted servers.
import { describe, expect, it } from 'vitest';
import { createDavSource } from '../../src/providers/dav/dav-source';
import { NotDavError } from '../../src/providers/dav/dav-errors';
import type { CollectionKind } from '../../src/model/source';
import { davFixture, fakeFetch, type FakeHandler } from '../harness/fake-fetch';

function source(serverUrl: string, handler: FakeHandler, kind: CollectionKind = 'addressbook') {
  const fake = fakeFetch(handler);
  return { fake, source: createDavSource({ serverUrl, username: 'jane@example.com', password: 'pw', fetch: fake.fetch }, kind) };
}

const ms = (responses: string): string => `<multistatus xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">${responses}</multistatus>`;
const resp = (href: string, props: string): string =>
  `<response><href>${href}</href><propstat><prop>${props}</prop><status>HTTP/1.1 200 OK</status></propstat></response>`;

describe('discovery', () => {
  it('follows principal → absolute home set on another host (iCloud)', async () => {
    const { fake, source: s } = source('https://contacts.icloud.com', (call) => {
      if (call.url === 'https://contacts.icloud.com/') return { body: ms(resp('/', '<current-user-principal><href>/1234567/principal/</href></current-user-principal>')) };
      if (call.url.endsWith('/principal/')) return { body: davFixture('icloud-principal.xml') };
      return {
        body: ms(
          resp('/1234567/carddavhome/', '<resourcetype><collection/></resourcetype>') +
            resp('/1234567/carddavhome/card/', '<resourcetype><collection/><C:addressbook/></resourcetype><displayname>Card</displayname><getctag xmlns="http://calendarserver.org/ns/">HwoQ</getctag>'),
        ),
      };
    });
    expect(await s.listCollections()).toEqual([
      { href: 'https://p42-contacts.icloud.com/1234567/carddavhome/card/', kind: 'addressbook', displayName: 'Card', ctag: 'HwoQ', supportsSyncCollection: false },
    ]);
    expect(fake.calls.map((c) => `${c.method} ${c.headers.get('Depth')} ${c.url}`)).toEqual([
      'PROPFIND 0 https://contacts.icloud.com/',
      'PROPFIND 0 https://contacts.icloud.com/1234567/principal/',
      'PROPFIND 1 https://p42-contacts.icloud.com/1234567/carddavhome/',
    ]);
  });

  it('tries /.well-known/carddav when the URL itself is no DAV resource, and lists a Nextcloud home', async () => {
    const home = 'https://cloud.example.com/remote.php/dav/addressbooks/users/jane%40example.com/';
    const { source: s } = source('https://cloud.example.com/', (call) => {
      if (call.url === 'https://cloud.example.com/') return { status: 200, body: '<html/>', contentType: 'text/html' };
      if (call.url.endsWith('/.well-known/carddav')) {
        return { body: ms(resp('/remote.php/dav/', '<current-user-principal><href>/remote.php/dav/principals/users/jane@example.com/</href></current-user-principal>')), finalUrl: 'https://cloud.example.com/remote.php/dav/' };
      }
      if (call.url.includes('/principals/')) return { body: ms(resp(call.url, `<C:addressbook-home-set><href>${home}</href></C:addressbook-home-set>`)) };
      return { body: davFixture('nextcloud-home-set.xml') };
    });
    const books = await s.listCollections();
    expect(books.map((b) => [b.href, b.displayName, b.syncToken, b.supportsSyncCollection])).toEqual([
      [`${home}contacts/`, 'Contacts', 'http://sabre.io/ns/sync/0042', true],
      [`${home}z-app-generated--contactsinteraction--recent/`, 'Recently contacted', 'http://sabre.io/ns/sync/7', false],
    ]);
  });

  it('accepts a URL that already is an address book, with one Depth 0 lookup', async () => {
    const url = 'https://dav.example.com/books/jane/work/';
    const { fake, source: s } = source(url, () => ({ body: ms(resp(url, '<resourcetype><collection/><C:addressbook/></resourcetype><displayname>Work</displayname>')) }));
    expect((await s.listCollections()).map((b) => b.displayName)).toEqual(['Work']);
    expect(fake.calls.map((c) => c.headers.get('Depth'))).toEqual(['0', '0']);
  });

  it('lists calendars of a CalendarServer home, leaving out the scheduling inbox', async () => {
    const { source: s } = source('https://cal.example.com/calendars/users/admin/', (call) => {
      if (call.headers.get('Depth') === '0') return { body: ms(resp('/calendars/users/admin/', '<resourcetype><collection/></resourcetype>')) };
      return { body: davFixture('calendarserver-calendar-home.xml') };
    }, 'calendar');
    const calendars = await s.listCollections();
    expect(calendars).toEqual([
      { href: 'https://cal.example.com/calendars/users/admin/calendar/', kind: 'calendar', displayName: 'Home', ctag: '00123', supportsSyncCollection: false },
    ]);
  });

  it('throws NotDavError when neither the URL nor /.well-known answers as DAV', async () => {
    const { source: s } = source('https://www.example.com/', () => ({ status: 404, body: 'Not found', contentType: 'text/plain' }));
    await expect(s.listCollections()).rejects.toBeInstanceOf(NotDavError);
  });

  it('throws NotDavError "no address book found" when a DAV folder has none and nothing named a home', async () => {
    const { source: s } = source('https://files.example.com/webdav/', () => ({ body: ms(resp('/webdav/', '<resourcetype><collection/></resourcetype>')) }));
    await expect(s.listCollections()).rejects.toThrow(/no address book found/);
  });

  it('skips discovery with the homes an earlier run found, and discovers again when they are gone', async () => {
    const book = resp('/home/old/book/', '<resourcetype><collection/><C:addressbook/></resourcetype>');
    let homeExists = true;
    const { fake, source: s } = source('https://dav.example.org/', (call) => {
      if (call.url.endsWith('/home/old/')) return homeExists ? { body: ms(book) } : { status: 404 };
      if (call.url === 'https://dav.example.org/') return { body: ms(resp('/', '<C:addressbook-home-set><href>/home/new/</href></C:addressbook-home-set>')) };
      return { body: ms(resp('/home/new/book/', '<resourcetype><collection/><C:addressbook/></resourcetype>')) };
    });
    const first = createDavSource({ serverUrl: 'https://dav.example.org/', username: 'u', password: 'p', fetch: fake.fetch }, 'addressbook', {
      discovery: { homes: ['https://dav.example.org/home/old/'], collections: [], guessed: false },
    });
    expect((await first.listCollections()).map((c) => c.href)).toEqual(['https://dav.example.org/home/old/book/']);
    expect(fake.calls.map((c) => c.url)).toEqual(['https://dav.example.org/home/old/']);
    homeExists = false;
    expect((await first.listCollections()).map((c) => c.href)).toEqual(['https://dav.example.org/home/new/book/']);
    expect(first.discovery?.homes).toEqual(['https://dav.example.org/home/new/']);
    expect(s.discovery).toBeUndefined();
  });
});
