// The storing floor's page code (storing-floor-page.ts, with the floor client it reuses) bundled
// into one script for a page of the extension: page.evaluate runs it over the DevTools protocol,
// which the extension pages' content security policy does not stop, and it leaves
// `storingFloor` on the page's global object.
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { StoringFloorRequest, StoringFloorRun, syncFloor } from './storing-floor-page';

let bundled: string | undefined;

async function pageScript(): Promise<string> {
  if (bundled !== undefined) return bundled;
  const result = await build({ entryPoints: [new URL('./storing-floor-page.ts', import.meta.url).pathname], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, logLevel: 'silent' });
  bundled = result.outputFiles[0]!.text;
  return bundled;
}

/** Loads the page code once into `page`. */
export async function loadStoringFloor(page: Page): Promise<void> {
  await page.evaluate(await pageScript());
}

/** One storing-floor first mirror in `page` (loadStoringFloor first). */
export function runStoringFloor(page: Page, request: StoringFloorRequest): Promise<StoringFloorRun> {
  return page.evaluate((r) => (globalThis as unknown as { storingFloor: (r: StoringFloorRequest) => Promise<StoringFloorRun> }).storingFloor(r), request);
}

/** One sync of the floor client kept in `page`, fetched by Chromium (storing-floor-page.ts's syncFloor). */
export function runSyncFloor(page: Page, request: Parameters<typeof syncFloor>[0]): ReturnType<typeof syncFloor> {
  return page.evaluate((r) => (globalThis as unknown as { syncFloor: typeof syncFloor }).syncFloor(r), request);
}

/** Removes a storing floor's database (after its CPU was read). */
export async function dropDatabase(page: Page, name: string): Promise<void> {
  await page.evaluate((n) => new Promise((resolve) => {
    const removal = indexedDB.deleteDatabase(n);
    removal.onsuccess = removal.onerror = removal.onblocked = resolve;
  }), name);
}
