// Copies a mirror built in fake-indexeddb (export-mirror.ts) record by record into the real
// extension's IndexedDB, from one of its pages, a thousand records a transaction.
import type { Page } from 'playwright-core';
import type { LifeboatDb } from '../src/db/schema';

const TABLES = ['accounts', 'collections', 'items', 'counters'] as const;

export async function copyMirrorInto(source: LifeboatDb, page: Page): Promise<void> {
  for (const table of TABLES) {
    const records = await source.table(table).toArray();
    for (let at = 0; at < records.length; at += 1000) {
      await page.evaluate(
        ({ table, chunk }) =>
          new Promise<void>((resolve, reject) => {
            const open = indexedDB.open('lifeboat');
            open.onerror = () => reject(new Error(String(open.error)));
            open.onsuccess = () => {
              const tx = open.result.transaction(table, 'readwrite');
              tx.oncomplete = () => (open.result.close(), resolve());
              tx.onerror = () => reject(new Error(String(tx.error)));
              for (const record of chunk) tx.objectStore(table).put(record);
            };
          }),
        { table, chunk: records.slice(at, at + 1000) },
      );
    }
  }
}
