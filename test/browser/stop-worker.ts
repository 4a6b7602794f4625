// Stops the extension's service worker the way Chrome does when it is idle or over its time
// budget, through the DevTools protocol. The next event (a message from a page, an alarm)
// starts a fresh worker.
import type { Page } from 'playwright-core';
import { countStore, readStore } from './extension-db';

export async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** Counts records in one of the extension's IndexedDB stores, from one of its pages. */
export async function countRecords(page: Page, store: string, where?: { field: string; equals: string | number }): Promise<number> {
  if (!where) return countStore(page, store);
  const rows = await readStore(page, store);
  return rows.filter((row) => row[where.field] === where.equals).length;
}
