// Imports files into the mirror: a backup archive after the browser's data was cleared, or a
// .vcf/.ics from anywhere. The items go to a local account named after the import (never
// synced), one collection per file, checked by the same readers as items from a server.
// Deduplicated by UID: an item whose UID the mirror already holds (in any account) is not
// added twice, and importing the same file again adds nothing.
import type { LifeboatDb } from '../db/schema';
import type { AccountRecord, CollectionRecord } from '../db/records';
import { itemId, markDeletedUpstream, storeItems, type FetchedItem } from '../db/mirror-writes';
import type { Readers } from '../sync/item-reader';
import type { CollectionKind } from '../sources/source';
import { sha256Hex } from '../archive/sha256';
import { splitCalendar } from './split-calendar';
import { splitVcards } from './split-vcards';

export interface ImportPart {
  /** Where the part came from, for messages: "contacts/Work - Friends.vcf". */
  source: string;
  /** The collection it becomes. */
  name: string;
  kind: CollectionKind;
  deletedUpstream: boolean;
  text: string;
}

export interface ImportReport {
  accountId: string;
  added: number;
  /** Items already in the mirror (same UID), or identical to the last import. */
  alreadyInMirror: number;
  /** Items or lines that could not be imported, with the reason. */
  failed: Array<{ source: string; reason: string }>;
}

const BATCH = 500;

async function localAccount(db: LifeboatDb, label: string, now: number): Promise<AccountRecord> {
  const existing = (await db.accounts.toArray()).find((a) => a.kind === 'local' && a.label === label && !a.detached);
  if (existing) return existing;
  const account: AccountRecord = {
    id: crypto.randomUUID(),
    kind: 'local',
    label,
    serverUrl: '',
    calendarServerUrl: null,
    services: [],
    username: '',
    createdAt: now,
    status: 'idle',
    lastError: null,
    lastSuccessAt: now,
    progress: null,
    detached: false,
    discovery: {},
  };
  await db.accounts.add(account);
  return account;
}

async function localCollection(db: LifeboatDb, account: AccountRecord, part: ImportPart, now: number): Promise<CollectionRecord> {
  const href = `import:${part.kind}:${part.name}`;
  const id = `${account.id}|${href}`;
  const existing = await db.collections.get(id);
  if (existing) return existing;
  const collection: CollectionRecord = {
    id,
    accountId: account.id,
    kind: part.kind,
    href,
    displayName: part.name,
    syncToken: null,
    ctag: null,
    lastSyncedAt: now,
    goneUpstreamAt: null,
    enabled: false,
    pendingHrefs: [],
  };
  await db.collections.add(collection);
  account.services = [...new Set([...account.services, part.kind])];
  await db.accounts.update(account.id, { services: account.services });
  return collection;
}

/** The item's place in its collection: its UID, or a hash of its text when it has none. */
async function importHref(uid: string | null, raw: string): Promise<string> {
  return uid ? `import:uid:${uid}` : `import:sha256:${await sha256Hex(new TextEncoder().encode(raw))}`;
}

/** The UIDs among `uids` that another collection of the mirror already holds: one index query. */
async function uidsHeldElsewhere(db: LifeboatDb, uids: string[], collectionId: string): Promise<Set<string>> {
  const held = new Set<string>();
  if (uids.length === 0) return held;
  await db.items.where('uid').anyOf(uids).each((item) => {
    if (item.collectionId !== collectionId && item.uid) held.add(item.uid);
  });
  return held;
}

/** Leaves out what an earlier import of the same file stored with the same text. */
async function notYetImported(db: LifeboatDb, collectionId: string, fetched: FetchedItem[]): Promise<FetchedItem[]> {
  const stored = await db.items.bulkGet(fetched.map((item) => itemId(collectionId, item.href)));
  return fetched.filter((item, index) => stored[index]?.raw !== item.raw);
}

export async function importIntoMirror(db: LifeboatDb, label: string, parts: ImportPart[], readers: Readers, now: number): Promise<ImportReport> {
  const account = await localAccount(db, label, now);
  const report: ImportReport = { accountId: account.id, added: 0, alreadyInMirror: 0, failed: [] };
  for (const part of parts) {
    const collection = await localCollection(db, account, part, now);
    const { items, problems } = part.kind === 'addressbook' ? splitVcards(part.text) : splitCalendar(part.text);
    for (const reason of problems) report.failed.push({ source: part.source, reason });
    const fetched: FetchedItem[] = [];
    const seen = new Set<string>();
    for (const raw of items) {
      if (raw.includes('\uFFFD')) {
        // The file was read as UTF-8 with replacement: storing it would keep bytes the source never held.
        report.failed.push({ source: part.source, reason: 'Not imported: an item holds bytes that are not valid UTF-8 text' });
        continue;
      }
      const reading = readers[part.kind].read(raw);
      if (!reading.ok) {
        report.failed.push({ source: part.source, reason: reading.reason });
        continue;
      }
      const href = await importHref(reading.fields.uid, raw);
      if (seen.has(href)) {
        report.alreadyInMirror++;
        continue;
      }
      seen.add(href);
      fetched.push({ ...reading.fields, href, etag: '', raw });
    }
    const elsewhere = await uidsHeldElsewhere(db, fetched.flatMap((item) => (item.uid ? [item.uid] : [])), collection.id);
    const fresh = await notYetImported(db, collection.id, fetched.filter((item) => !item.uid || !elsewhere.has(item.uid)));
    report.alreadyInMirror += fetched.length - fresh.length;
    for (let start = 0; start < fresh.length; start += BATCH) {
      const { added, changed } = await storeItems(db, collection, fresh.slice(start, start + BATCH), now);
      report.added += added + changed;
    }
    if (part.deletedUpstream) await markDeletedUpstream(db, collection.id, fresh.map((item) => item.href), now);
  }
  return report;
}
