// A list of items to pick from: each a button naming the item, with a second line (an email,
// a date) and its marks. The chosen one is shown beside the list.
import type { ItemRecord } from '../../model/item';
import { t } from '../../shared/i18n';
import { ItemMarks } from './item-marks';

interface Props<T extends ItemRecord> {
  items: T[] | undefined;
  label: string;
  selectedId: string | null;
  onSelect: (id: string) => void;
  describe: (item: T) => string;
  /** A key per entry when one item is listed more than once (an event at each of its dates). */
  keyOf?: (item: T) => string;
  empty: string;
  /** Shown when the page is full: the person asks for the next page. */
  onMore?: (() => void) | undefined;
}

export function ItemList<T extends ItemRecord>({ items, label, selectedId, onSelect, describe, keyOf, empty, onMore }: Props<T>) {
  if (items === undefined) return <p aria-busy="true" />;
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <>
      <ul class="item-list" aria-label={label}>
        {items.map((item) => (
          <li key={keyOf ? keyOf(item) : item.id}>
            <button type="button" class="item-row" aria-current={item.id === selectedId ? 'true' : undefined} onClick={() => onSelect(item.id)}>
              <span class="item-title">{item.title}</span>
              <span class="item-sub">{describe(item)}</span>
              <ItemMarks item={item} />
            </button>
          </li>
        ))}
      </ul>
      {onMore && (
        <button type="button" class="link" onClick={onMore}>
          {t('browseShowMore')}
        </button>
      )}
    </>
  );
}
