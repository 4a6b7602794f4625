// Reads the extension's IndexedDB from one of its pages (the same origin), for tests and the
// benchmark: every record of a store, or only how many there are.
import type { Page } from 'playwright-core';

type StoreQuery = { store: string; op: 'getAll' | 'count' };

function queryStore<T>(page: Page, query: StoreQuery): Promise<T> {
  return page.evaluate(
    ({ store, op }) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('lifeboat');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const request = open.result.transaction(store).objectStore(store)[op]();
          request.onerror = () => reject(new Error(String(request.error)));
          request.onsuccess = () => {
            open.result.close();
            resolve(request.result as T);
          };
        };
      }),
    query,
  );
}

export function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return queryStore<T[]>(page, { store, op: 'getAll' });
}

export function countStore(page: Page, store: string): Promise<number> {
  return queryStore<number>(page, { store, op: 'count' });
}
