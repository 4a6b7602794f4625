// The popup's first read takes the summary records straight from IndexedDB
// (db/summary-records-direct.ts). It must give the popup exactly what the Dexie read gives every
// other page, for any mirror, and must never touch a database it was not written for.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Dexie } from 'dexie';
import { freshDb } from '../support/test-db';
import { LifeboatDb } from '../../src/db/schema';
import { SCHEMA_VERSION } from '../../src/db/layout-version';
import { insertAccount } from '../../src/db/accounts';
import { readSummaryRecordsDirectly } from '../../src/db/summary-records-direct';
import { accountSummaries } from '../../src/ui/account-summaries';
import { summarizeAccounts } from '../../src/ui/summarize-accounts';
import { photoCollectionId } from '../../src/model/wipe-mark';
import type { CounterName } from '../../src/model/counter';

const BUCKETS: CounterName[] = ['contact:live', 'contact:deleted', 'event:live', 'event:deleted', 'task:live', 'photo:live', 'photo:deleted'];

const collectionArb = fc.record({
  kind: fc.constantFrom('addressbook' as const, 'calendar' as const),
  enabled: fc.boolean(),
  pending: fc.nat(3),
  unreadable: fc.option(fc.nat(3), { nil: undefined }),
});

const runArb = fc.record({
  startedAt: fc.nat(50),
  // Errors name one of the account's collections (by index), or no collection, or a href it does not have.
  errors: fc.array(fc.record({ collection: fc.option(fc.integer({ min: -1, max: 3 }), { nil: null }), message: fc.constantFrom('refused', 'timed out', 'foreign host') }), { maxLength: 3 }),
});

const accountArb = fc.record({
  createdAt: fc.nat(20),
  detached: fc.boolean(),
  collections: fc.array(collectionArb, { maxLength: 4 }),
  runs: fc.array(runArb, { maxLength: 3 }),
  counts: fc.option(fc.dictionary(fc.constantFrom(...BUCKETS), fc.nat(20_000)), { nil: undefined }),
  // Alarms on a collection (by index), on the photo library, or on a collection the mirror no longer knows.
  alarms: fc.array(fc.record({ on: fc.oneof(fc.nat(3), fc.constantFrom('photos' as const, 'gone' as const)), open: fc.constantFrom(0 as const, 1 as const) }), { maxLength: 3 }),
});

type MirrorShape = Array<typeof accountArb extends fc.Arbitrary<infer T> ? T : never>;

async function writeMirror(db: LifeboatDb, shape: MirrorShape): Promise<void> {
  // A mirror with no account yet still has its database, made when the worker first opened it.
  await db.open();
  for (const [index, spec] of shape.entries()) {
    const id = `acct-${index}`;
    await insertAccount(db, { id, kind: 'dav', label: `Account ${index}`, serverUrl: 'https://dav.example.com/', calendarServerUrl: null, services: ['addressbook', 'calendar'], username: 'alice' }, spec.createdAt);
    if (spec.detached) await db.accounts.update(id, { detached: true });
    const hrefs = spec.collections.map((_, n) => `/dav/${index}/${n}/`);
    await db.collections.bulkAdd(
      spec.collections.map((c, n) => ({
        id: `${id}|${hrefs[n]}`,
        accountId: id,
        kind: c.kind,
        href: hrefs[n]!,
        displayName: `Collection ${n}`,
        syncToken: null,
        ctag: null,
        lastSyncedAt: null,
        goneUpstreamAt: null,
        enabled: c.enabled,
        pendingHrefs: Array.from({ length: c.pending }, (_, p) => `${hrefs[n]}pending-${p}.vcf`),
        ...(c.unreadable === undefined ? {} : { unreadableHrefs: Array.from({ length: c.unreadable }, (_, u) => `${hrefs[n]}unreadable-${u}.vcf`) }),
      })),
    );
    for (const run of spec.runs) {
      await db.runs.add({
        accountId: id,
        startedAt: run.startedAt,
        finishedAt: run.startedAt + 1,
        outcome: 'ok',
        added: 0,
        changed: 0,
        deletedUpstream: 0,
        unchanged: 0,
        errors: run.errors.map((e) => ({ href: e.collection === null ? null : (hrefs[e.collection] ?? `/elsewhere/${e.collection}/`), message: e.message })),
      });
    }
    if (spec.counts) await db.counters.put({ accountId: id, counts: spec.counts });
    for (const alarm of spec.alarms) {
      const collectionId = alarm.on === 'photos' ? photoCollectionId(id) : alarm.on === 'gone' || hrefs[alarm.on] === undefined ? `${id}|/gone/` : `${id}|${hrefs[alarm.on]}`;
      await db.alarms.add({ accountId: id, collectionId, collectionName: 'x', kind: 'mass-change', raisedAt: 2, before: 1, liveBefore: 100, deleted: 90, changed: 0, open: alarm.open });
    }
  }
}

describe("the popup's direct first read", () => {
  it('gives the same summaries as the read through Dexie, for any mirror', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(accountArb, { maxLength: 4 }), async (shape) => {
        const db = freshDb();
        await writeMirror(db, shape);
        const direct = await readSummaryRecordsDirectly(indexedDB, db.name);
        expect(direct).not.toBeNull();
        expect(summarizeAccounts(direct!)).toEqual(await accountSummaries(db));
        db.close();
        await Dexie.delete(db.name);
      }),
      { numRuns: 60 },
    );
  });

  it('reads an account by account, the latest run of each, in one go', async () => {
    const db = freshDb();
    await writeMirror(db, [
      { createdAt: 5, detached: false, collections: [], runs: [{ startedAt: 3, errors: [] }, { startedAt: 9, errors: [] }], counts: { 'contact:live': 10_000 }, alarms: [] },
      { createdAt: 1, detached: false, collections: [], runs: [], counts: undefined, alarms: [] },
    ]);
    const direct = await readSummaryRecordsDirectly(indexedDB, db.name);
    expect(direct?.accounts.map((a) => a.id)).toEqual(['acct-1', 'acct-0']);
    expect(direct?.lastRuns.map((r) => [r.accountId, r.startedAt])).toEqual([['acct-0', 9]]);
    expect(summarizeAccounts(direct!).map((s) => s.contacts)).toEqual([0, 10_000]);
  });

  it('answers null where there is no database, and leaves none behind for Dexie to upgrade from', async () => {
    const name = `lifeboat-none-${Math.random().toString(36).slice(2)}`;
    expect(await readSummaryRecordsDirectly(indexedDB, name)).toBeNull();
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(name);
    const db = new LifeboatDb(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    db.close();
  });

  it('answers null for a layout other than the one it was written for (an update whose migration has not run)', async () => {
    const name = `lifeboat-older-${Math.random().toString(36).slice(2)}`;
    const older = new Dexie(name);
    older.version(SCHEMA_VERSION - 1).stores({ accounts: 'id, createdAt', alarms: '++id, accountId, open', collections: 'id, accountId', counters: 'accountId', runs: '++id, accountId, [accountId+startedAt], outcome' });
    await older.open();
    await older.table('accounts').add({ id: 'a', createdAt: 1, detached: false });
    expect(await readSummaryRecordsDirectly(indexedDB, name)).toBeNull();
    older.close();
  });

  it('answers null, not an error, when a store it reads is missing', async () => {
    const name = `lifeboat-odd-${Math.random().toString(36).slice(2)}`;
    const odd = new Dexie(name);
    odd.version(SCHEMA_VERSION).stores({ accounts: 'id, createdAt' });
    await odd.open();
    expect(await readSummaryRecordsDirectly(indexedDB, name)).toBeNull();
    odd.close();
  });

  it('gives way to a worker upgrading the layout: its connection is closed when the read is done', async () => {
    const db = freshDb();
    await writeMirror(db, []);
    const name = db.name;
    expect(await readSummaryRecordsDirectly(indexedDB, name)).not.toBeNull();
    db.close();
    const blocked: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, SCHEMA_VERSION * 10 + 10);
      request.onblocked = () => blocked.push('blocked');
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error ?? new Error('The upgrade failed'));
    });
    expect(blocked).toEqual([]);
  });

  it('is written for the layout schema.ts declares last', () => {
    expect(new LifeboatDb('lifeboat-version-check').verno).toBe(SCHEMA_VERSION);
  });
});
