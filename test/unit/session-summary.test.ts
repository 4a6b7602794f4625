// The popup's first counts come from the worker's copy of the summary records in storage.session
// (src/db/session-summary.ts, kept by src/db/publish-summary-records.ts). The copy must follow
// every change of the rows it is made of, never go back to an older state, cost one read per
// interval while a mirror writes batch after batch, and never be read by a popup of another layout.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStorage, resetFakeStorage, restartBrowser } from '../support/fake-extension-storage';
import { addTestAccount, bookContact, freshDb } from '../support/test-db';
import type { SummaryRecords } from '../../src/db/summary-records';

vi.mock('../../src/shared/browser', async () => (await import('../support/fake-extension-storage')).fakeBrowserModule());

const { readSessionSummary, writeSessionSummary } = await import('../../src/db/session-summary');
const { publishSummaryRecords } = await import('../../src/db/publish-summary-records');
const { readSummaryRecords } = await import('../../src/db/summary-records');
const { updateAccount } = await import('../../src/db/accounts');
const { writeSettings } = await import('../../src/db/settings');
const { SCHEMA_VERSION } = await import('../../src/db/layout-version');

const INTERVAL = 10;
const stops: Array<() => void> = [];
beforeEach(resetFakeStorage);
afterEach(() => stops.splice(0).forEach((stop) => stop()));

const contactsIn = (records: SummaryRecords): number => records.counters.find((c) => c.accountId === 'acct')?.counts['contact:live'] ?? 0;

/** Long enough for a change notice and a coalesced read, many times over. */
const settle = () => new Promise((resolve) => setTimeout(resolve, INTERVAL * 10));

describe('the copy of the summary records in storage.session', () => {
  it('is read back as written, at this layout only; none after the browser restarts', async () => {
    const db = freshDb();
    await addTestAccount(db);
    const records = await readSummaryRecords(db);
    expect(await readSessionSummary()).toBeNull();
    await writeSessionSummary(records);
    expect(await readSessionSummary()).toEqual(records);
    // A copy written by another release's worker (its layout) is not read.
    await fakeStorage.session.set({ summaryRecords: { layout: SCHEMA_VERSION - 1, records } });
    expect(await readSessionSummary()).toBeNull();
    await writeSessionSummary(records);
    restartBrowser();
    expect(await readSessionSummary()).toBeNull();
  });

  it('answers null when storage.session fails, so the popup reads the database instead', async () => {
    const get = vi.spyOn(fakeStorage.session, 'get').mockRejectedValueOnce(new Error('no storage.session here'));
    expect(await readSessionSummary()).toBeNull();
    expect(get).toHaveBeenCalledOnce();
  });

  it('is removed, not left behind, when a newer one cannot be written', async () => {
    const db = freshDb();
    await addTestAccount(db);
    const records = await readSummaryRecords(db);
    await writeSessionSummary(records);
    vi.spyOn(fakeStorage.session, 'set').mockRejectedValueOnce(new Error('quota exceeded'));
    await expect(writeSessionSummary({ ...records, accounts: [] })).rejects.toThrow('quota exceeded');
    expect(await readSessionSummary()).toBeNull();
  });

  it('is written at the start, follows batches of items with one read per interval, and ends on the final counts', async () => {
    const db = freshDb();
    await addTestAccount(db);
    const copies: SummaryRecords[] = [];
    const interval = INTERVAL * 10;
    stops.push(publishSummaryRecords(db, { intervalMs: interval, write: (records) => Promise.resolve(void copies.push(records)) }));
    await vi.waitFor(() => expect(copies).toHaveLength(1));
    expect(copies[0]).toEqual(await readSummaryRecords(db));

    const started = Date.now();
    for (let batch = 0; batch < 20; batch++) await db.items.bulkPut(Array.from({ length: 25 }, (_, i) => bookContact(batch * 25 + i)));
    const writing = Date.now() - started;
    await vi.waitFor(() => expect(contactsIn(copies.at(-1)!)).toBe(500), { timeout: interval * 5 });
    expect(copies.length).toBeLessThanOrEqual(2 + Math.ceil(writing / interval));
    expect(copies.length).toBeLessThan(20);
    expect(copies.at(-1)).toEqual(await readSummaryRecords(db));
  });

  it('follows every kind of row it is made of, and no other', async () => {
    const db = freshDb();
    await addTestAccount(db);
    const copies: SummaryRecords[] = [];
    stops.push(publishSummaryRecords(db, { intervalMs: INTERVAL, write: (records) => Promise.resolve(void copies.push(records)) }));
    await vi.waitFor(() => expect(copies).toHaveLength(1));

    // A setting is no part of a summary: no new copy.
    await writeSettings(db, { syncIntervalMinutes: 60 });
    await settle();
    expect(copies).toHaveLength(1);

    await updateAccount(db, 'acct', { status: 'syncing' });
    await vi.waitFor(() => expect(copies.at(-1)!.accounts[0]!.status).toBe('syncing'));
    await db.alarms.add({ accountId: 'acct', collectionId: 'acct|book', collectionName: 'Book', kind: 'emptied', raisedAt: 5, before: 4, liveBefore: 10, deleted: 9, changed: 0, open: 1 });
    await vi.waitFor(() => expect(copies.at(-1)!.openAlarms).toHaveLength(1));
    await db.runs.add({ accountId: 'acct', startedAt: 7, finishedAt: null, outcome: 'running', added: 0, changed: 0, deletedUpstream: 0, unchanged: 0, errors: [] });
    await vi.waitFor(() => expect(copies.at(-1)!.lastRuns.map((run) => run.startedAt)).toEqual([7]));
    expect(copies.at(-1)).toEqual(await readSummaryRecords(db));
  });

  it('never goes back to an older state, however slowly each copy is written', async () => {
    const db = freshDb();
    await addTestAccount(db);
    const written: number[] = [];
    // Each write takes a different time: copies written side by side could land out of order.
    const write = async (records: SummaryRecords) => {
      await new Promise((resolve) => setTimeout(resolve, Math.random() * INTERVAL * 3));
      written.push(contactsIn(records));
    };
    stops.push(publishSummaryRecords(db, { intervalMs: 0, write }));
    for (let batch = 0; batch < 30; batch++) {
      await db.items.bulkPut(Array.from({ length: 10 }, (_, i) => bookContact(batch * 10 + i)));
      await new Promise((resolve) => setTimeout(resolve, Math.random() * INTERVAL));
    }
    await vi.waitFor(() => expect(written.at(-1)).toBe(300));
    expect(written).toEqual([...written].sort((a, b) => a - b));
  });

  it('stops being written when stopped', async () => {
    const db = freshDb();
    await addTestAccount(db);
    const copies: SummaryRecords[] = [];
    const stop = publishSummaryRecords(db, { intervalMs: INTERVAL, write: (records) => Promise.resolve(void copies.push(records)) });
    await vi.waitFor(() => expect(copies).toHaveLength(1));
    await settle();
    stop();
    await updateAccount(db, 'acct', { status: 'syncing' });
    await settle();
    expect(copies).toHaveLength(1);
  });

  it('reaches storage.session, where the popup reads it', async () => {
    const db = freshDb();
    await addTestAccount(db);
    stops.push(publishSummaryRecords(db, { intervalMs: INTERVAL }));
    await db.items.bulkPut([bookContact(1), bookContact(2)]);
    await vi.waitFor(async () => expect(contactsIn((await readSessionSummary())!)).toBe(2));
    expect(await readSessionSummary()).toEqual(await readSummaryRecords(db));
  });
});
