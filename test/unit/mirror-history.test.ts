// What the mirror over time is drawn from: each run's end records every collection's live
// items (and the photo library's) from the indexes, and the history gathers them per
// collection, oldest first, with the backups saved since its first point. Runs recorded before
// there were counts are left out rather than drawn as zero.
import { describe, expect, it } from 'vitest';
import { addTestAccount, freshDb } from '../support/test-db';
import { MemorySource, card } from '../support/memory-source';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers/index';
import { liveCountsOf, startRun } from '../../src/db/runs';
import { mirrorHistory } from '../../src/db/mirror-history';
import { recordSnapshot } from '../../src/db/snapshots';
import { photoRecord } from '../../src/photos/photo-record';

const BOOK = 'https://dav.example.com/alice/contacts/';
const CAL = 'https://dav.example.com/alice/calendar/';
const NO_EXIF = { takenAt: null, width: null, height: null, geo: null };

function mirror() {
  const source = new MemorySource();
  source.addCollection(BOOK, 'Family');
  source.addCollection(CAL, 'Work', true, 'calendar');
  source.put(BOOK, `${BOOK}a.vcf`, card('a', 'Anna'));
  source.put(BOOK, `${BOOK}b.vcf`, card('b', 'Ben'));
  return source;
}

describe('the mirror over time', () => {
  it('counts each collection, and a photo library, without reading a record', async () => {
    const db = freshDb();
    const account = await addTestAccount(db);
    await syncAccount({ db, source: mirror(), readers, now: () => 1000 }, account);
    for (const n of [1, 2, 3]) {
      const origin = { accountId: account.id, path: `/p${n}.jpg`, name: `p${n}.jpg`, etag: '"1"', mime: 'image/jpeg', albums: [] };
      await db.photos.add(photoRecord(origin, { size: 1, sha256: String(n) }, NO_EXIF, 1));
    }
    const counts = await liveCountsOf(db, account.id);
    expect(counts.sort((a, b) => a.collectionId.localeCompare(b.collectionId))).toEqual([
      { collectionId: `${account.id}|${CAL}`, live: 0 },
      { collectionId: `${account.id}|${BOOK}`, live: 2 },
      { collectionId: `${account.id}|photos`, live: 3 },
    ]);
  });

  it('gathers the runs per collection, oldest first, with the backups saved since the first', async () => {
    const db = freshDb();
    const account = await addTestAccount(db);
    // A run from before runs counted their collections: no point, rather than a false zero.
    await db.runs.update(await startRun(db, account.id, 500), { outcome: 'ok', finishedAt: 600 });
    await recordSnapshot(db, { createdAt: 700, fileName: 'early.zip', downloadId: 1, bytes: 1, items: 9, outcome: 'saved', error: null, removedAt: null });
    const source = mirror();
    const sync = (at: number) => syncAccount({ db, source, readers, now: () => at }, account);
    await sync(2000);
    await recordSnapshot(db, { createdAt: 2500, fileName: 'b.zip', downloadId: 2, bytes: 1, items: 2, outcome: 'saved', error: null, removedAt: null });
    await recordSnapshot(db, { createdAt: 2600, fileName: 'c.zip', downloadId: null, bytes: 0, items: 0, outcome: 'failed', error: 'FILE_NO_SPACE', removedAt: null });
    source.remove(BOOK, `${BOOK}a.vcf`);
    await sync(3000);

    const history = await mirrorHistory(db, [account.id]);
    const book = history.lines.find((line) => line.collectionId === `${account.id}|${BOOK}`)!;
    expect(book.name).toBe('Family');
    expect(book.points).toEqual([
      { at: 2000, live: 2 },
      { at: 3000, live: 1 },
    ]);
    expect(history.lines.find((line) => line.collectionId === `${account.id}|${CAL}`)?.name).toBe('Work');
    expect(history.backups).toEqual([{ at: 2500, items: 2 }]);
  });
});
