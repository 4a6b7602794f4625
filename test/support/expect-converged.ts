// "The mirror holds exactly what the server holds": each collection's live items compared with
// the server's own texts (read by plain PROPFIND and GET, not by the client under test).
import { expect } from 'vitest';
import type { LifeboatDb } from '../../src/db/schema';
import type { ItemAuth } from '../harness/dav-items';
import { entries, itemPath, mirrorTexts, serverTexts } from '../harness/mirror-check';

export async function expectConverged(setup: { db: LifeboatDb; account: { id: string } }, collectionUrls: string[], auth: ItemAuth): Promise<void> {
  for (const url of collectionUrls) {
    const mirror = await mirrorTexts(setup.db, setup.account.id, itemPath(url));
    expect(entries(mirror.live)).toEqual(entries(await serverTexts(url, auth)));
  }
}
