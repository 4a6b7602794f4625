// Stops the extension's service worker the way Chrome does when it is idle or over its time
// budget, through the DevTools protocol. The next event (a message from a page, an alarm)
// starts a fresh worker.
import type { Page } from 'playwright-core';

export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Counts records in one of the extension's IndexedDB stores, from one of its pages. */
export function countRecords(page: Page, store: string, where?: { field: string; equals: string | number }): Promise<number> {
  return page.evaluate(
    ({ store, where }) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('lifeboat');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const request = open.result.transaction(store).objectStore(store).getAll();
          request.onerror = () => reject(new Error(String(request.error)));
          request.onsuccess = () => {
            const rows = request.result as Array<Record<string, unknown>>;
            resolve(where ? rows.filter((row) => row[where.field] === where.equals).length : rows.length);
          };
        };
      }),
    { store, where },
  );
}
