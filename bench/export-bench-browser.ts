// The export benches' common start: the bench's mirror built once in fake-indexeddb
// (export-mirror.ts), and a Chromium with the built extension holding a copy of it (copy-mirror.ts).
import 'fake-indexeddb/auto';
import { LifeboatDb } from '../src/db/schema';
import { seedExportMirror } from './export-mirror';
import { startLifeboat, type LifeboatBrowser } from './lifeboat-browser';
import { copyMirrorInto } from './copy-mirror';

export async function seededMirror(bench: string, contacts: number): Promise<LifeboatDb> {
  const source = new LifeboatDb(`${bench}-${Date.now()}`);
  await seedExportMirror(source, contacts);
  return source;
}

/** Chromium with the extension built in `distDir` and a copy of `source` in its database. */
export async function lifeboatWithMirror(source: LifeboatDb, distDir = 'dist'): Promise<LifeboatBrowser> {
  const lifeboat = await startLifeboat(distDir);
  try {
    await copyMirrorInto(source, lifeboat.page);
    return lifeboat;
  } catch (error) {
    await lifeboat.close();
    throw error;
  }
}
