// The list on one side, the chosen item on the other (stacked on a narrow window).
import type { ComponentChildren } from 'preact';
import { ItemDetail } from './item-detail';

export function BrowseSplit({ children, selectedId }: { children: ComponentChildren; selectedId: string | null }) {
  return (
    <div class="browse-split">
      <div class="browse-list">{children}</div>
      <div class="browse-detail">{selectedId && <ItemDetail key={selectedId} itemId={selectedId} />}</div>
    </div>
  );
}
