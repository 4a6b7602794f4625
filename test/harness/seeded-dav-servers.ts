// Radicale and Xandikos, each holding the same address book and calendar, for tests that run
// one scenario against both (`describe.each(seededDavServers(cards, events))`).
import type { DavTestServer } from './dav-test-server';
import { putItems } from './dav-items';
import { startRadicale } from './radicale';
import { startXandikos } from './xandikos';
import type { SeedItem } from './seed-types';

export function seededDavServers(cards: SeedItem[], events: SeedItem[]): Array<[string, () => Promise<DavTestServer>]> {
  return [
    ['Radicale', () => startRadicale({ seed: [
      { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: cards },
      { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: events },
    ] })],
    ['Xandikos', async () => {
      const server = await startXandikos();
      await Promise.all([putItems(server.addressBookUrl, cards), putItems(server.calendarUrl, events)]);
      return server;
    }],
  ];
}
