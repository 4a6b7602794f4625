// Every file Lifeboat saves to Downloads, built from the mirror as a Blob: a .vcf, an .ics or a
// backup archive. Runs where blob URLs can be made (see background/save-download.ts).
import type { LifeboatDb } from '../db/schema';
import { buildArchive } from './build-archive';
import type { ArchiveResult, ExportResult, FileRequest } from '../model/export';
import { buildExport } from '../exporters/build-export';
import { forgetPhases, measurePhase, timedPhase } from '../shared/phase-times';
import { pagesCover, readyExport } from '../exporters/ready/ready-export';
import { keepExportsReady } from '../exporters/ready/keep-pages';

export interface BuiltFile {
  blob: Blob;
  fileName: string;
  result: ExportResult | ArchiveResult;
}

export async function buildFile(db: LifeboatDb, request: FileRequest, now: Date): Promise<BuiltFile> {
  if (request.type === 'export') {
    const ready = await timedPhase('export-ready', () => readyExport(db, request.kind, request.params, now));
    if (ready) {
      // Served from the pages: the live build's phases did not run for this click.
      forgetPhases(['export-read', 'export-read-store', 'export-build', 'export-blob']);
      return { ...ready, fileName: ready.result.fileName };
    }
    // The pages could not serve it: built live, and the pages readied afterwards, off the click.
    if (pagesCover(request.kind, request.params)) setTimeout(() => void keepExportsReady(db, [request.kind]), 0);
    // The pieces straight into the Blob: the file is never one string in memory.
    const { parts, mimeType, ...result } = await buildExport(db, request.kind, request.params, now);
    const start = performance.now();
    const blob = new Blob(parts, { type: mimeType });
    measurePhase('export-blob', start);
    return { blob, fileName: result.fileName, result };
  }
  const { blob, fileName, manifest } = await buildArchive(db, request.params, now, request.generator);
  const result: ArchiveResult = { fileName, bytes: blob.size, files: manifest.files.length, totals: manifest.totals, skipped: manifest.skipped.length };
  return { blob, fileName, result };
}
