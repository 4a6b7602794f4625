// A mirror written by schema 7 (the release before the exports kept ready) opens with the
// current code whole, with no page built (they are built lazily); the first export after it is
// the live build, and the next one, served from the pages, is the same file.
import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { LifeboatDb } from '../../src/db/schema';
import { countRecords } from '../../src/db/counter-buckets';
import { withDerivedFields } from '../../src/db/derived-fields';
import { buildExport } from '../../src/exporters/build-export';
import { readyExport } from '../../src/exporters/ready/ready-export';
import { keepExportsReady } from '../../src/exporters/ready/keep-pages';
import { V6_STORES } from '../support/schema-v6-stores';
import type { ExportKind } from '../../src/model/export';
import type { ItemRecord, ItemKind } from '../../src/model/item';
import { rekeyed } from '../support/old-mirror';

/** Schema 7's stores: version 6's with version 7's changes (src/db/schema.ts). */
const V7_STORES = {
  ...V6_STORES,
  items: 'id, accountId, [accountId+kind+live], [collectionId+live], uid, [kind+title], [kind+start], *searchWords, seriesStart',
  photos: 'id, [accountId+live], [sortAt+id], thumb, checkedAt, sha256',
  counters: 'accountId',
};

const BOOK = 'acct|https://dav.example.com/book/';
const CAL = 'acct|https://dav.example.com/cal/';

function item(n: number, kind: ItemKind, raw: string, live: 0 | 1 = 1): ItemRecord {
  const collectionId = kind === 'contact' ? BOOK : CAL;
  return withDerivedFields({
    id: `${collectionId}|h${n}`, accountId: 'acct', collectionId, kind, href: `h${n}`, etag: `"${n}"`, raw, uid: `u${n}`, title: `Name ${n % 5}`,
    emails: [], phones: [], start: null, end: null, allDay: false, recurring: false, firstSeenAt: 1, updatedAt: 2, deletedUpstreamAt: live ? null : 3, live,
  });
}

const card = (n: number, version: string) => `BEGIN:VCARD\r\nVERSION:${version}\r\nFN:Name ${n % 5}\r\nN:Name;${n};;;\r\nEND:VCARD\r\n`;
const event = (n: number) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//x//x//EN\r\nBEGIN:VEVENT\r\nUID:u${n}\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260101T100000Z\r\nSUMMARY:e${n}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
const ITEMS = [
  ...Array.from({ length: 30 }, (_, n) => item(n, 'contact', card(n, n % 3 === 0 ? '4.0' : '3.0'), n < 27 ? 1 : 0)),
  ...Array.from({ length: 12 }, (_, n) => item(100 + n, 'event', event(n))),
];

async function writeVersion7(name: string): Promise<void> {
  const old = new Dexie(name);
  old.version(7).stores(V7_STORES);
  await old.open();
  await old.table('accounts').add({ id: 'acct', kind: 'dav', label: 'Mail', createdAt: 1, detached: false, services: ['addressbook', 'calendar'], discovery: {}, status: 'idle', progress: null });
  await old.table('items').bulkAdd(ITEMS);
  await old.table('counters').bulkAdd(countRecords(ITEMS, []));
  old.close();
}

describe('the upgrade to schema 9', () => {
  it('opens a version-7 mirror whole, with no page, and the ready export equals the live build', async () => {
    const name = `lifeboat-v9-migration-${Math.random().toString(36).slice(2)}`;
    await writeVersion7(name);
    const db = new LifeboatDb(name);
    await db.open();
    expect(db.verno).toBeGreaterThanOrEqual(9);
    expect(await db.items.orderBy('id').toArray()).toEqual(ITEMS.map(rekeyed).sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(await db.exportPages.count()).toBe(0);
    const now = new Date(2026, 11, 6);
    for (const kind of ['contacts', 'calendars'] as ExportKind[]) {
      // Nothing ready yet: the click builds live.
      expect(await readyExport(db, kind, {}, now)).toBeNull();
    }
    await keepExportsReady(db);
    for (const kind of ['contacts', 'calendars'] as ExportKind[]) {
      const { parts, mimeType: _type, ...live } = await buildExport(db, kind, {}, now);
      const ready = await readyExport(db, kind, {}, now);
      expect(await ready!.blob.text()).toBe(parts.join(''));
      expect(ready!.result).toEqual(live);
      // What the pages do not hold is built live.
      expect(await readyExport(db, kind, { vcardVersion: '4.0', collectionId: kind === 'contacts' ? BOOK : CAL }, now)).toBeNull();
    }
    db.close();
    await db.delete();
  });
});
