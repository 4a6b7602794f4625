// What a batch of fetch results becomes: every item the server sent is stored as served, read
// or not; only an item the server did not send (a failed request, or an href it listed but left
// out of its answer) is left to be fetched again. An item the reader refuses keeps its reason
// and leniently read display fields, and is not fetched again until its ETag changes.
import { t } from '../catalog/catalog-text';
import type { FetchedItem } from '../db/mirror-writes';
import { isFailure, type CollectionKind, type RemoteItem, type RemoteItemFailure } from '../model/source';
import type { ItemReader } from '../model/item-reader';
import { unreadableFields } from './readers/unreadable-fields';

export interface ReadBatchParams {
  requested: readonly string[];
  results: ReadonlyArray<RemoteItem | RemoteItemFailure>;
  reader: ItemReader;
  collectionKind: CollectionKind;
}

export interface ReadBatch {
  /** What to store: read items, and unreadable ones with `unreadable` set. */
  store: FetchedItem[];
  /** Hrefs the server did not send, with why: fetched again next run. */
  missing: Array<{ href: string; reason: string }>;
}

export const NOT_SENT = t('syncItemNotSent');

export function readBatch({ requested, results, reader, collectionKind }: ReadBatchParams): ReadBatch {
  const store: FetchedItem[] = [];
  const missing: ReadBatch['missing'] = [];
  const answered = new Set<string>();
  for (const result of results) {
    answered.add(result.href);
    if (isFailure(result)) {
      missing.push({ href: result.href, reason: result.error });
      continue;
    }
    const reading = safeRead(reader, result.data);
    const fields = reading.ok ? reading.fields : { ...unreadableFields({ raw: result.data, collectionKind }), unreadable: reading.reason };
    store.push({ ...fields, href: result.href, etag: result.etag, raw: result.data });
  }
  // A source should answer every href; one it forgot must not pass for stored.
  for (const href of requested) if (!answered.has(href)) missing.push({ href, reason: NOT_SENT });
  return { store, missing };
}

/** A reader that throws is a reader that refused: the text is kept either way. */
function safeRead(reader: ItemReader, raw: string): ReturnType<ItemReader['read']> {
  try {
    return reader.read(raw);
  } catch (error) {
    return { ok: false, reason: error instanceof Error && error.message ? error.message : t('syncItemUnreadable') };
  }
}
