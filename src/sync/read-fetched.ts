// What a batch of fetch results becomes: every item the server sent is stored as served, read
// or not; only an item the server did not send (a failed request, or an href it listed but left
// out of its answer) is left to be fetched again. An item the reader refuses keeps its reason
// and leniently read display fields, and is not fetched again until its ETag changes.
import { t } from '../catalog/catalog-text';
import type { FetchedItem } from '../db/mirror-writes';
import { isFailure, type CollectionKind, type RemoteItem, type RemoteItemFailure } from '../model/source';
import type { ItemFields, ItemReader } from '../model/item-reader';
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
    store.push({ ...ownStrings(fields), href: result.href, etag: result.etag, raw: result.data });
  }
  // A source should answer every href; one it forgot must not pass for stored.
  for (const href of requested) if (!answered.has(href)) missing.push({ href, reason: NOT_SENT });
  return { store, missing };
}

/**
 * The fields with strings of their own. A reader's fields are cut from the text its parser
 * worked on (ical.js slices a name or an e-mail out of the whole unfolded card), and V8 keeps
 * such a slice as a view of its parent string: each derived name held a second copy of its
 * card, photo included, until the batch was written. A heap profile of the worker at the peak
 * of a 21,000-item first mirror found 6.1 of its 16.2 MB of live objects there. The structured
 * clone copies the few short strings and lets the parent go.
 */
function ownStrings(fields: ItemFields): ItemFields {
  return structuredClone(fields);
}

/** A reader that throws is a reader that refused: the text is kept either way. */
function safeRead(reader: ItemReader, raw: string): ReturnType<ItemReader['read']> {
  try {
    return reader.read(raw);
  } catch (error) {
    return { ok: false, reason: error instanceof Error && error.message ? error.message : t('syncItemUnreadable') };
  }
}
