// The calendar as an agenda: events from today on, or before today, newest first, by start.
// A repeating event is listed once, at its first date, and says that it repeats.
import { useState } from 'preact/hooks';
import { openDb } from '../../db/schema';
import { agenda } from '../../db/browse-items';
import type { ItemRecord } from '../../model/item';
import { t } from '../../shared/i18n';
import { formatWhen } from '../../ui/format-when';
import { useLiveQuery } from '../../ui/use-live-query';
import { ItemList } from './item-list';
import { BrowseSplit } from './browse-split';
import { usePaged } from './use-paged';
import { localDay } from './local-day';

export const describeEvent = (item: ItemRecord) => formatWhen(item.start, item.end) + (item.recurring ? ` · ${t('eventRepeats')}` : '');

export function AgendaView({ showDeleted }: { showDeleted: boolean }) {
  const [direction, setDirection] = useState<'upcoming' | 'past'>('upcoming');
  const [selected, setSelected] = useState<string | null>(null);
  const { limit, more } = usePaged(direction);
  const events = useLiveQuery(() => agenda(openDb(), localDay(new Date()), direction, { limit, showDeleted }), [direction, limit, showDeleted]);
  return (
    <BrowseSplit selectedId={selected}>
      <div class="actions" role="group" aria-label={t('agendaWhich')}>
        <button type="button" aria-pressed={direction === 'upcoming'} onClick={() => setDirection('upcoming')}>
          {t('agendaUpcoming')}
        </button>
        <button type="button" aria-pressed={direction === 'past'} onClick={() => setDirection('past')}>
          {t('agendaPast')}
        </button>
      </div>
      <ItemList
        items={events}
        label={t('browseEvents')}
        selectedId={selected}
        onSelect={setSelected}
        describe={describeEvent}
        empty={t(direction === 'upcoming' ? 'agendaNoUpcoming' : 'agendaNoPast')}
        onMore={events?.length === limit ? more : undefined}
      />
    </BrowseSplit>
  );
}
