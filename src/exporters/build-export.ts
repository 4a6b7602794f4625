// Builds an export file's text from the mirror. Runs wherever blob URLs can be made: the
// offscreen document in Chrome (a service worker has no URL.createObjectURL), the event page
// itself in Firefox. Both read the same database, so no large text crosses a message.
import type { LifeboatDb } from '../db/schema';
import { liveItemsOfKind } from '../db/queries';
import { exportVcf } from './vcard-export';
import { exportFileName } from './file-names';
import type { ExportResult } from '../shared/rpc-contract';

export type ExportKind = 'contacts';

export interface BuiltExport extends ExportResult {
  text: string;
  mimeType: string;
}

export async function buildExport(db: LifeboatDb, kind: ExportKind, now: Date): Promise<BuiltExport> {
  switch (kind) {
    case 'contacts':
      return buildContacts(db, now);
  }
}

async function buildContacts(db: LifeboatDb, now: Date): Promise<BuiltExport> {
  const items = await liveItemsOfKind(db, 'contact');
  const { text, skipped } = exportVcf(items.map((item) => item.raw));
  return {
    text,
    mimeType: 'text/vcard;charset=utf-8',
    fileName: exportFileName('contacts', now, 'vcf'),
    count: items.length - skipped.length,
    skipped: skipped.map(({ index, reason }) => ({ title: items[index]?.title ?? '', reason })),
  };
}
