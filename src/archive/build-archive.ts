// The full backup as one Blob: every collection of the mirror, streamed through the archive
// writer into a Blob that the browser keeps in its blob store rather than the heap.
import type { LifeboatDb } from '../db/schema';
import type { ArchiveParams } from '../model/export';
import { exportFileName } from '../exporters/file-names';
import { archiveContents } from './archive-contents';
import type { ArchiveManifest } from './archive-manifest';
import { blobSink } from './blob-sink';
import { writeArchive } from './write-archive';

export interface BuiltArchive {
  blob: Blob;
  fileName: string;
  manifest: ArchiveManifest;
}

export async function buildArchive(db: LifeboatDb, params: ArchiveParams, now: Date, generator: string): Promise<BuiltArchive> {
  const accounts = (await db.accounts.orderBy('createdAt').toArray()).map((a) => ({ label: a.label, server: a.serverUrl, username: a.username }));
  const asOf = params.asOf !== undefined ? new Date(params.asOf) : null;
  const sink = blobSink('application/zip');
  const manifest = await writeArchive(archiveContents(db, params), sink.writable, { createdAt: now, asOf, generator, accounts, ...(params.password ? { password: params.password } : {}) });
  const fileName = exportFileName('backup', asOf ?? now, 'zip', asOf ? { asOf: true } : { withTime: true });
  return { blob: sink.blob(), fileName, manifest };
}
