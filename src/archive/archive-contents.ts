// What goes into a backup archive, read from the mirror one collection at a time (so only one
// collection's text is in memory at once): each address book as a .vcf, each calendar as an
// .ics, and, apart, the items their service deleted that the mirror kept.
import type { LifeboatDb } from '../db/schema';
import type { CollectionRecord } from '../model/collection';
import { selectForExport, type SelectedItem } from '../db/export-selection';
import { EXPORT_FORMATS } from '../exporters/build-export';
import type { ArchiveCounts, ExportKind } from '../model/export';
import { emptyCounts, type ArchiveFileState } from './archive-manifest';
import { ArchivePaths } from './archive-paths';
import type { ArchiveFile } from './write-archive';
import { archivePhotos } from './archive-photos';

export interface ArchiveScope {
  /** The mirror as it was at this moment, instead of as it is. */
  asOf?: number;
}

const COUNT_KEYS = { contact: 'contacts', event: 'events', task: 'tasks', journal: 'journals' } as const;

function countKinds(items: SelectedItem[]): ArchiveCounts {
  const counts = emptyCounts();
  for (const item of items) counts[COUNT_KEYS[item.kind]] += 1;
  return counts;
}

function exportKindOf(collection: CollectionRecord): ExportKind {
  return collection.kind === 'addressbook' ? 'contacts' : 'calendars';
}

export async function* archiveContents(db: LifeboatDb, scope: ArchiveScope = {}): AsyncGenerator<ArchiveFile> {
  const accounts = new Map((await db.accounts.toArray()).map((a) => [a.id, a.label]));
  const collections = (await db.collections.toArray()).sort(
    (a, b) => (accounts.get(a.accountId) ?? '').localeCompare(accounts.get(b.accountId) ?? '') || a.displayName.localeCompare(b.displayName),
  );
  const paths = new ArchivePaths();
  const encoder = new TextEncoder();
  const states: ArchiveFileState[] = scope.asOf === undefined ? ['live', 'deleted-upstream'] : ['live'];
  for (const state of states) {
    for (const collection of collections) {
      const kind = exportKindOf(collection);
      const format = EXPORT_FORMATS[kind];
      const items = await selectForExport(db, {
        kinds: format.kinds,
        collectionId: collection.id,
        ...(scope.asOf !== undefined ? { asOf: scope.asOf } : { onlyDeletedUpstream: state === 'deleted-upstream' }),
      });
      if (items.length === 0) continue;
      const { text, skipped } = format.build(
        items.map((item) => item.raw),
        { label: collection.displayName, vcardVersion: undefined, readWhole: items.map((item) => item.readWhole) },
      );
      const skippedIndexes = new Set(skipped.map((s) => s.index));
      const account = accounts.get(collection.accountId) ?? '';
      yield {
        entry: {
          path: paths.pathFor(kind, state, account, collection.displayName),
          kind,
          state,
          account,
          collection: collection.displayName,
          counts: countKinds(items.filter((_, index) => !skippedIndexes.has(index))),
        },
        data: encoder.encode(text),
        compress: true,
        skipped: skipped.map(({ index, reason }) => ({ title: items[index]?.title ?? '', reason })),
      };
    }
  }
  yield* archivePhotos(db, accounts, scope.asOf);
}
