// Keeps the search's records (model/contact-words.ts) following every write of contacts,
// whichever module writes (the sync engine, a restored version, an import), in the write's own
// transaction: one record appended a write, naming each contact it wrote with its words. A
// first mirror of 10,000 contacts appends about 40 records where the multi-entry index of
// schemas 3 to 11 added about 90,000 index entries, a sixth of Chromium's CPU for the mirror
// (docs/BENCHMARKS.md, "Three indexes fewer"). Deletions append nothing: a search reads the
// items it finds, and a compaction after a run drops what was removed (compact-contact-words.ts).
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { keepsStore, keysOfWrite, tablesWithMutate } from '../mutate-wrapper';
import type { ItemRecord } from '../../model/item';
import type { ContactWordsRecord } from '../../model/contact-words';
import { CONTACT_WORDS_TABLE, contactWordsEntry } from './contact-words-entry';

/** The record a write of items appends, or `null` when it wrote no contact. */
function recordOf(request: DBCoreMutateRequest & { type: 'add' | 'put' }, keys: unknown[]): ContactWordsRecord | null {
  const entries = (request.values as ItemRecord[]).flatMap((item, index) => (item.kind === 'contact' ? [contactWordsEntry(String(keys[index]), item)] : []));
  return entries.length === 0 ? null : { entries };
}

export const contactWordsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'contact-words',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        if (mode !== 'readwrite' || !stores.includes('items') || stores.includes(CONTACT_WORDS_TABLE)) return down.transaction(stores, mode, options);
        return down.transaction([...stores, CONTACT_WORDS_TABLE], mode, options);
      },
      table: tablesWithMutate(
        down,
        (name) => name === 'items',
        (request, table) => {
          // The upgrades write their own (schema 12 seeds the records from the items).
          if ((request.type !== 'add' && request.type !== 'put') || !keepsStore(request.trans, CONTACT_WORDS_TABLE)) return table.mutate(request);
          const record = recordOf(request, keysOfWrite(table, request));
          const written = table.mutate(request);
          if (record === null) return written;
          // Asked right after the items' write, in the same transaction: IndexedDB runs them in
          // order, and a failure of either aborts both. Dexie's own promises, not an async
          // function, so a caller awaiting it keeps Dexie's zone (as counters-middleware.ts).
          const appended = down.table(CONTACT_WORDS_TABLE).mutate({ type: 'add', trans: request.trans, values: [record] });
          // Seen here when the items' write fails first (the transaction's abort reports both).
          appended.catch(() => undefined);
          return written.then((response) => appended.then(() => response));
        },
      ),
    };
  },
};
