// Waits for the extension's first mirror of a corpus and reads what it holds, from its own
// IndexedDB: the drill compares it with what the server serves before judging the exports.
import type { Page } from 'playwright-core';
import { itemPath } from '../harness/mirror-check';
import { countStore, readStore } from './extension-db';

/** Polls the mirror until it holds `count` items and the popup says the account is up to date. */
export async function waitForItems(popup: Page, count: number, timeoutMs = 300_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let held = 0;
  while (Date.now() < deadline) {
    held = await countStore(popup, 'items');
    if (held >= count && (await popup.locator('.status-ok').count()) > 0) return held;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const status = await popup.locator('main.popup').textContent();
  throw new Error(`The mirror holds ${held} of ${count} items; the popup says: ${status}`);
}

/** Decoded path → the text the mirror holds (live items). */
export async function mirrorByPath(page: Page): Promise<Map<string, string>> {
  const records = await readStore<{ href: string; raw: string; live: number }>(page, 'items');
  return new Map(records.filter((r) => r.live === 1).map((r) => [itemPath(r.href), r.raw]));
}
