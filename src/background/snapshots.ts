// Snapshots on disk: a backup archive written into a subfolder of Downloads on a schedule,
// without a prompt, keeping the last N. Unlike the mirror in IndexedDB, these files survive
// the person clearing the browser's data.
//
// A check runs every hour and writes a snapshot when none was saved within the period. An
// hourly check rather than a weekly alarm, because alarms are lost when the browser restarts
// or updates and a browser opened an hour a week would otherwise never reach a weekly one.
//
// With the passphrase lock on, snapshots are encrypted with its passphrase (secrets/archive-passphrase.ts);
// while it is locked the check waits (nothing new was mirrored meanwhile: runs wait too), rather
// than writing a backup the person asked to have encrypted in the clear.
import { browser } from '../shared/browser';
import { openDb } from '../db/schema';
import { readSettings } from '../db/settings';
import { keptSnapshots, markRemoved, recordSnapshot, snapshotDue, snapshotsBeyond } from '../db/snapshots';
import { totalItems } from '../archive/archive-manifest';
import type { ArchiveResult } from '../model/export';
import { downloadFinished, saveArchive, savedFileName, type SavedFile } from './save-download';
import { archivePassphrase } from '../secrets/archive-passphrase';
import { lockStatus } from '../secrets/lock-state';
import { t } from '../catalog/catalog-text';

export const SNAPSHOT_ALARM = 'lifeboat-snapshot-check';
export const SNAPSHOT_FOLDER = 'Lifeboat backups';

export async function ensureSnapshotAlarm(everyDays: number): Promise<void> {
  if (everyDays <= 0) {
    await browser.alarms.clear(SNAPSHOT_ALARM);
    return;
  }
  if (await browser.alarms.get(SNAPSHOT_ALARM)) return;
  await browser.alarms.create(SNAPSHOT_ALARM, { delayInMinutes: 5, periodInMinutes: 60 });
}

let running: Promise<ArchiveResult> | null = null;

/** Writes a snapshot now (one at a time), then removes the oldest beyond the number kept. */
export function takeSnapshot(): Promise<ArchiveResult> {
  running ??= writeSnapshot().finally(() => (running = null));
  return running;
}

export async function snapshotIfDue(): Promise<void> {
  const db = openDb();
  const [settings, kept, items] = await Promise.all([readSettings(db), keptSnapshots(db), db.items.count()]);
  if ((await lockStatus()) === 'locked') return;
  if (items > 0 && snapshotDue(settings, kept[0], Date.now())) await takeSnapshot();
}

async function writeSnapshot(): Promise<ArchiveResult> {
  const db = openDb();
  const createdAt = Date.now();
  let saved: SavedFile<ArchiveResult> | undefined;
  try {
    const password = await archivePassphrase();
    saved = await saveArchive(password ? { password } : {}, { folder: SNAPSHOT_FOLDER });
    const finished = await downloadFinished(saved.downloadId);
    if (!finished.complete) throw new Error(t('errorDownloadNotSaved', finished.error ?? ''));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordSnapshot(db, { createdAt, fileName: '', downloadId: saved?.downloadId ?? null, bytes: 0, items: 0, outcome: 'failed', error: message, removedAt: null });
    throw error;
  }
  const { result } = saved;
  const fileName = await savedFileName(saved.downloadId, result.fileName);
  await recordSnapshot(db, { createdAt, fileName, downloadId: saved.downloadId, bytes: result.bytes, items: totalItems(result.totals), outcome: 'saved', error: null, removedAt: null });
  await removeOldSnapshots();
  return result;
}

async function removeOldSnapshots(): Promise<void> {
  const db = openDb();
  const settings = await readSettings(db);
  for (const old of snapshotsBeyond(await keptSnapshots(db), settings.snapshotsKept)) {
    if (old.downloadId !== null) {
      // The person may have moved or deleted the file already: then there is nothing to remove.
      await browser.downloads.removeFile(old.downloadId).catch(() => undefined);
      await browser.downloads.erase({ id: old.downloadId }).catch(() => undefined);
    }
    await markRemoved(db, old.id!, Date.now());
  }
}
