// The order of an export's items: by name, then by id. One collator for every comparison:
// String.prototype.localeCompare sets up locale data on each call, which costs seconds when
// sorting 10,000 names. The ready pages use the same order, so that pages joined in order give
// the file the live build gives.
import type { ItemKind } from '../../model/item';
import type { ExportKind } from '../../model/export';
import type { SortKey } from './page-records';

const byName = new Intl.Collator(undefined, { sensitivity: 'base' });

/** The locale the order follows; a ready export made under another is not served. */
export const ORDER_LOCALE = byName.resolvedOptions().locale;

export function compareForExport(a: { title: string; id: string }, b: { title: string; id: string }): number {
  return byName.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The item kinds each export holds. */
export const EXPORT_ITEM_KINDS: Record<ExportKind, ItemKind[]> = {
  contacts: ['contact'],
  calendars: ['event', 'task', 'journal'],
};

/** The page holding `key`: the last whose first key is not after it (page 0 begins before all). */
export function pageOfKey(bounds: readonly SortKey[], key: { title: string; id: string }): number {
  let low = 0;
  let high = bounds.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    const [title, id] = bounds[mid]!;
    if (compareForExport({ title, id }, key) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}
