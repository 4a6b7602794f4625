// The calendar as an agenda: events from today on, or before today, newest first, by start.
// A repeating event is listed at each of its dates (agenda-events.ts), each saying it repeats.
import { useState } from 'preact/hooks';
import { openDb } from '../../db/schema';
import type { ItemRecord } from '../../model/item';
import { t } from '../../shared/i18n';
import { formatWhen } from '../../ui/format-when';
import { useLiveQuery } from '../../ui/use-live-query';
import { ItemList } from './item-list';
import { BrowseSplit } from './browse-split';
import { usePaged } from './use-paged';
import { localDay } from './local-day';
import { agendaEvents } from './agenda-events';

export const describeEvent = (item: ItemRecord) => formatWhen(item.start, item.end) + (item.recurring ? ` · ${t('eventRepeats')}` : '');

export function AgendaView({ showDeleted }: { showDeleted: boolean }) {
  const [direction, setDirection] = useState<'upcoming' | 'past'>('upcoming');
  const [selected, setSelected] = useState<string | null>(null);
  const { limit, more } = usePaged(direction);
  const page = useLiveQuery(() => agendaEvents(openDb(), localDay(new Date()), direction, { limit, showDeleted }), [direction, limit, showDeleted]);
  const events = page?.events;
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
        keyOf={(event) => event.occurrenceKey}
        onMore={page?.full ? more : undefined}
      />
    </BrowseSplit>
  );
}
