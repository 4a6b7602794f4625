// The only place that knows the IndexedDB layout. Every change to it is a new
// `version(n)` with its own upgrade, never an edit of an old one (Dexie versioning:
// https://dexie.org/docs/Tutorial/Design#database-versioning).
import { Dexie, type EntityTable, type Table } from 'dexie';
import { searchWordsOf } from './search-words';
import { derivedFieldsMiddleware, withDerivedFields } from './derived-fields';
import { countersMiddleware } from './counters-middleware';
import { seedCounters } from './counter-buckets';
import { exportPagesMiddleware } from './export-pages/stale-pages-middleware';
import type { ExportLayoutRecord, ExportPageRecord } from './export-pages/page-records';
import type { CollectionCountRecord, CounterRecord } from '../model/counter';
import type { SnapshotRecord } from '../model/snapshot';
import type { Settings } from '../model/settings';
import type { AlarmRecord } from '../model/alarm';
import type { RunRecord } from '../model/run';
import type { ItemRecord, VersionRecord } from '../model/item';
import type { CollectionRecord } from '../model/collection';
import type { AccountRecord } from '../model/account';
import type { WipeMarkRecord } from '../model/wipe-mark';
import { seedWipeMarks } from './seed-wipe-marks';
import { seedCollectionCounts } from './collection-counts';
import { rekeyItems } from './rekey-items';
import { contactWordsMiddleware } from './contact-words/contact-words-middleware';
import { seedContactWords } from './contact-words/seed-contact-words';
import { seedTaskTitles } from './seed-task-titles';
import type { ContactWordsRecord } from '../model/contact-words';
import { DB_NAME } from './layout-version';
import type { PhotoBlobRecord, PhotoPartRecord, PhotoRecord, PhotoThumbRecord, PhotoVersionRecord } from '../model/photo';

export class LifeboatDb extends Dexie {
  accounts!: EntityTable<AccountRecord, 'id'>;
  collections!: EntityTable<CollectionRecord, 'id'>;
  items!: EntityTable<ItemRecord, 'id'>;
  versions!: EntityTable<VersionRecord, 'id'>;
  runs!: EntityTable<RunRecord, 'id'>;
  alarms!: EntityTable<AlarmRecord, 'id'>;
  settings!: EntityTable<Settings & { key: string }, 'key'>;
  snapshots!: EntityTable<SnapshotRecord, 'id'>;
  photos!: EntityTable<PhotoRecord, 'id'>;
  photoBlobs!: EntityTable<PhotoBlobRecord, 'id'>;
  photoThumbs!: EntityTable<PhotoThumbRecord, 'id'>;
  photoParts!: Table<PhotoPartRecord, [string, number]>;
  photoVersions!: EntityTable<PhotoVersionRecord, 'id'>;
  wipeMarks!: EntityTable<WipeMarkRecord, 'collectionId'>;
  counters!: EntityTable<CounterRecord, 'accountId'>;
  exportPages!: EntityTable<ExportPageRecord, 'id'>;
  exportLayouts!: EntityTable<ExportLayoutRecord, 'kind'>;
  collectionCounts!: EntityTable<CollectionCountRecord, 'collectionId'>;
  contactWords!: EntityTable<ContactWordsRecord, 'seq'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      accounts: 'id',
      collections: 'id, accountId',
      // [accountId+kind+live] lets the popup count live contacts from the index alone.
      items: 'id, collectionId, accountId, [accountId+kind+live], [collectionId+live], uid',
      versions: '++id, itemId, replacedAt',
      runs: '++id, accountId, [accountId+startedAt]',
    });
    // v2: the wipe alarm, settings, runs findable by outcome (to close interrupted ones), and
    // calendars, multiple endpoints and collection choice on existing records.
    this.version(2)
      .stores({
        accounts: 'id, createdAt',
        alarms: '++id, accountId, open',
        settings: 'key',
        runs: '++id, accountId, [accountId+startedAt], outcome',
      })
      .upgrade(async (tx) => {
        await tx.table('accounts').toCollection().modify((account: Record<string, unknown>) => {
          if (account.kind === 'carddav') account.kind = 'dav';
          account.calendarServerUrl ??= null;
          account.services ??= ['addressbook'];
          account.detached ??= false;
          account.discovery ??= {};
        });
        await tx.table('collections').toCollection().modify((collection: Record<string, unknown>) => {
          collection.enabled ??= true;
          collection.pendingHrefs ??= [];
        });
        await tx.table('items').toCollection().modify((item: Record<string, unknown>) => {
          item.start ??= null;
          item.end ??= null;
          item.allDay ??= false;
          item.recurring ??= false;
        });
        await tx.table('versions').toCollection().modify((version: Record<string, unknown>) => {
          version.validFrom ??= 0;
          version.deletedAt ??= null;
          delete version.reason;
        });
      });
    // v3: browsing the mirror. Contacts and tasks listed by name, events by start, and a search
    // by word (name, email, phone) that reads an index range, never every item.
    this.version(3)
      .stores({
        items: 'id, collectionId, accountId, [accountId+kind+live], [collectionId+live], uid, [kind+title], [kind+start], *searchWords',
      })
      .upgrade(async (tx) => {
        await tx.table('items').toCollection().modify((item: ItemRecord) => {
          item.searchWords = searchWordsOf(item);
        });
      });
    // v4: snapshot archives written to disk, so the oldest can be removed beyond the number kept.
    this.version(4).stores({ snapshots: '++id, createdAt' });
    // v5: photos. Metadata apart from the bytes (a page of the grid never loads a file);
    // [accountId+live] counts for the popup, [sortAt+id] pages the grid by key, thumb finds
    // photos still without a thumbnail, checkedAt the oldest-verified for the re-check, sha256
    // deduplicates imports. Downloads in progress keep their bytes in photoParts.
    this.version(5).stores({
      photos: 'id, accountId, [accountId+live], [sortAt+id], thumb, checkedAt, sha256',
      photoBlobs: 'id',
      photoThumbs: 'id',
      photoParts: '[photoId+offset], photoId',
      photoVersions: '++id, photoId',
    });
    // v6: the wipe alarm's memory of each collection (db/wipe-marks.ts): its 30-day high
    // counts, so a collection emptied in small steps still raises the alarm, and the counts
    // of a run under way. Seeded with each collection's count today.
    this.version(6)
      .stores({ wipeMarks: 'collectionId, accountId' })
      .upgrade((tx) => seedWipeMarks(tx, Date.now()));
    // v7: fewer index entries per item, and counts kept rather than counted. `collectionId` alone
    // is served by `[collectionId+live]`, which it begins, and a photo's `accountId` by
    // `[accountId+live]` (Dexie reads the prefix of a compound index as a virtual index), search words are kept for contacts only (the one kind a
    // search looks for), and repeating events carry `seriesStart`, a sparse index the agenda reads
    // instead of walking every event before its window. `counters`: one record per account,
    // kept by counters-middleware.ts in the transaction of every write, started here from the
    // records.
    this.version(7)
      .stores({
        items: 'id, accountId, [accountId+kind+live], [collectionId+live], uid, [kind+title], [kind+start], *searchWords, seriesStart',
        photos: 'id, [accountId+live], [sortAt+id], thumb, checkedAt, sha256',
        counters: 'accountId',
      })
      .upgrade(async (tx) => {
        await tx.table('items').toCollection().modify((item: ItemRecord, ref: { value: ItemRecord }) => {
          ref.value = withDerivedFields(item);
        });
        await seedCounters(tx);
      });
    // v8: one index entry fewer per item on every write. An item's `accountId` alone (removing an
    // account, a point in time of one account) is served by `[accountId+kind+live]`, which it
    // begins, as v7 did for `collectionId`. Dropping an index rewrites no record.
    this.version(8).stores({
      items: 'id, [accountId+kind+live], [collectionId+live], uid, [kind+title], [kind+start], *searchWords, seriesStart',
    });
    // v9: exports kept ready (db/export-pages/): empty after the upgrade, built lazily.
    this.version(9).stores({ exportPages: 'id', exportLayouts: 'kind' });
    // v10: each collection's live and deleted items kept as counts (db/collection-counts.ts), by
    // counters-middleware.ts in the transaction of every item write; started here from the
    // `[collectionId+live]` index's keys.
    this.version(10)
      .stores({ collectionCounts: 'collectionId' })
      .upgrade((tx) => seedCollectionCounts(tx));
    // v11: items keyed by a 22-character digest of their collection and address (item-id.ts)
    // where the two were joined, about 180 characters: each of an item's index entries carries
    // its key twice, so a first mirror writes far fewer bytes. The layout is unchanged; every
    // item is moved to its new key and its versions follow it (rekey-items.ts).
    this.version(11).stores({}).upgrade((tx) => rekeyItems(tx));
    // v12: three index entries and a contact's search words fewer on every write of an item, a
    // sixth of Chromium's CPU for a first mirror (docs/BENCHMARKS.md, "Three indexes fewer"). A
    // search reads `contactWords` (db/contact-words/), one record appended a write, built here
    // from the contacts; an account's items are found through its collections
    // (account-items.ts), and an import's UIDs in the collections of its kind
    // (restore/sort-imported.ts). Dropping the indexes rewrites no record: the items written
    // before keep their `searchWords`, which nothing reads.
    this.version(12)
      .stores({
        items: 'id, [collectionId+live], [kind+title], [kind+start], seriesStart',
        contactWords: '++seq',
      })
      .upgrade((tx) => seedContactWords(tx));
    // v13: events and contacts out of the index of names, the costliest index left: Chromium's
    // CPU for putting a first mirror's 21,000 items fell by a fifth without it (docs/BENCHMARKS.md,
    // "Out of the index of names (schema 13)"). Nothing lists events by name (the agenda reads
    // them by start), contacts are listed in the order of the search's records, which hold each
    // contact's name, and tasks by `taskTitle`, which only they carry, given them here.
    this.version(13)
      .stores({ items: 'id, [collectionId+live], [kind+start], seriesStart, taskTitle' })
      .upgrade((tx) => seedTaskTitles(tx));
    this.use(derivedFieldsMiddleware);
    this.use(countersMiddleware);
    this.use(exportPagesMiddleware);
    this.use(contactWordsMiddleware);
  }
}

let shared: LifeboatDb | null = null;

/** The extension's database; one instance per page or worker. */
export function openDb(): LifeboatDb {
  shared ??= new LifeboatDb();
  return shared;
}
