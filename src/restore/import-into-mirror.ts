// Imports files into the mirror: a backup archive after the browser's data was cleared, or a
// .vcf/.ics from anywhere. The items go to a local account named after the import (never
// synced), one collection per file, checked by the same readers as items from a server.
// Deduplicated by UID and content: an item the mirror already holds with the same UID and the
// same content (same-content.ts; in any account) is not added twice, and importing the same file again adds
// nothing. An item whose UID matches but whose text differs is kept as an item of its own in
// the import's collection, beside the one already held, and counted in the report. Neither
// text becomes a version of the other: versions are pruned by retention (db/retention.ts)
// and say what a server item was at a past moment, which an imported text never was; and a
// server item's text must stay as the server served it.
import type { LifeboatDb } from '../db/schema';
import type { CollectionRecord } from '../model/collection';
import type { AccountRecord } from '../model/account';
import { markDeletedUpstream, storeItems, type FetchedItem } from '../db/mirror-writes';
import type { Readers } from '../model/item-reader';
import type { CollectionKind } from '../model/source';
import { sha256Hex } from '../hash/sha256';
import { splitCalendar } from '../calendars/split-calendar';
import { splitVcards } from './split-vcards';
import { contentKey } from './same-content';
import { sortImported } from './sort-imported';
import { localSetup } from '../providers/local/setup';

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
  /** Items already in the mirror (same UID, same text), or identical to the last import. */
  alreadyInMirror: number;
  /** Items whose UID the mirror held with a different text: both texts kept, the imported one added. */
  differed: number;
  /** Items or lines that could not be imported, with the reason. */
  failed: Array<{ source: string; reason: string }>;
}

const BATCH = 500;

async function localAccount(db: LifeboatDb, label: string, now: number): Promise<AccountRecord> {
  const existing = (await db.accounts.toArray()).find((a) => a.kind === localSetup.kind && a.label === label && !a.detached);
  if (existing) return existing;
  const account: AccountRecord = {
    id: crypto.randomUUID(),
    kind: localSetup.kind,
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

export async function importIntoMirror(db: LifeboatDb, label: string, parts: ImportPart[], readers: Readers, now: number): Promise<ImportReport> {
  const account = await localAccount(db, label, now);
  const report: ImportReport = { accountId: account.id, added: 0, alreadyInMirror: 0, differed: 0, failed: [] };
  for (const part of parts) {
    const collection = await localCollection(db, account, part, now);
    const { items, problems } = part.kind === 'addressbook' ? splitVcards(part.text) : splitCalendar(part.text);
    for (const reason of problems) report.failed.push({ source: part.source, reason });
    const fetched: FetchedItem[] = [];
    /** Each place in this file's items, with the content there: one UID twice with two contents keeps both. */
    const seen = new Map<string, string>();
    /** Places given to a second content of a UID in this file: counted as differing when stored. */
    const apart = new Set<string>();
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
      const content = contentKey(part.kind, raw);
      let href = await importHref(reading.fields.uid, raw);
      if (seen.has(href) && seen.get(href) !== content) {
        href = `${href}|sha256:${await sha256Hex(new TextEncoder().encode(raw))}`;
        apart.add(href);
      }
      if (seen.has(href)) {
        report.alreadyInMirror++;
        continue;
      }
      seen.set(href, content);
      fetched.push({ ...reading.fields, href, etag: '', raw });
    }
    const { fresh, already, differed } = await sortImported(db, collection, fetched, apart);
    report.alreadyInMirror += already;
    report.differed += differed;
    for (let start = 0; start < fresh.length; start += BATCH) {
      const { added, changed } = await storeItems(db, collection, fresh.slice(start, start + BATCH), now);
      report.added += added + changed;
    }
    if (part.deletedUpstream) await markDeletedUpstream(db, collection.id, fresh.map((item) => item.href), now);
  }
  return report;
}
