// The calendar as a month grid, its weeks starting on the locale's first day (week-start.ts): each day lists the events that start on it, a
// repeating event on each of its dates with a "repeats" mark. Pick a month, or step with the
// buttons.
import { useState } from 'preact/hooks';
import { openDb } from '../../db/schema';
import { eventsInMonth, recurringEventsBefore } from '../../db/browse-items';
import type { LifeboatDb } from '../../db/schema';
import { t } from '../../shared/i18n';
import { dayOf } from '../../ui/format-when';
import { useLiveQuery } from '../../ui/use-live-query';
import { ItemDetail } from './item-detail';
import { localMonth, monthGrid } from './local-day';
import { weekStart } from './week-start';
import { eventsInWindow, type ShownEvent } from './event-occurrences';
import { personLocale } from '../../catalog/person-locale';

const FIRST_WEEKDAY = weekStart();
// 2024-01-07 was a Sunday: the names of the seven days from the first one on.
const WEEKDAYS = Array.from({ length: 7 }, (_, i) => new Date(2024, 0, 7 + FIRST_WEEKDAY + i).toLocaleDateString(personLocale(), { weekday: 'short' }));

function shift(month: string, by: number): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return localMonth(new Date(year, number - 1 + by, 1));
}

function weeks(days: Array<string | null>): Array<Array<string | null>> {
  const rows: Array<Array<string | null>> = [];
  for (let i = 0; i < days.length; i += 7) rows.push(days.slice(i, i + 7));
  return rows;
}

/** The month's events: its single events and every series begun before its end, at each date. */
async function monthEvents(db: LifeboatDb, month: string, showDeleted: boolean): Promise<ShownEvent[]> {
  const next = shift(month, 1);
  const options = { limit: 2000, showDeleted };
  const [inMonth, series] = await Promise.all([eventsInMonth(db, month, options), recurringEventsBefore(db, next, options)]);
  return eventsInWindow([...inMonth.filter((item) => !item.recurring), ...series], { from: `${month}-01`, to: `${next}-01` });
}

export function MonthView({ showDeleted }: { showDeleted: boolean }) {
  const [month, setMonth] = useState(localMonth(new Date()));
  const [selected, setSelected] = useState<string | null>(null);
  const events = useLiveQuery(() => monthEvents(openDb(), month, showDeleted), [month, showDeleted]);
  const byDay = new Map<string, ShownEvent[]>();
  for (const event of events ?? []) byDay.set(dayOf(event.start ?? ''), [...(byDay.get(dayOf(event.start ?? '')) ?? []), event]);
  const title = new Date(`${month}-01T00:00:00`).toLocaleDateString(personLocale(), { month: 'long', year: 'numeric' });
  return (
    <div class="month-view">
      <div class="actions month-controls">
        <button type="button" onClick={() => setMonth(shift(month, -1))}>{t('monthPrevious')}</button>
        <label class="inline">
          {t('monthPick')}
          <input type="month" value={month} onInput={(e) => e.currentTarget.value && setMonth(e.currentTarget.value)} />
        </label>
        <button type="button" onClick={() => setMonth(shift(month, 1))}>{t('monthNext')}</button>
      </div>
      <table class="month-grid">
        <caption>{title}</caption>
        <thead>
          <tr>{WEEKDAYS.map((day) => <th key={day} scope="col">{day}</th>)}</tr>
        </thead>
        <tbody>
          {weeks(monthGrid(month, FIRST_WEEKDAY)).map((week, row) => (
            <tr key={row}>
              {week.map((day, column) => (
                <td key={day ?? `blank-${column}`}>
                  {day && <span class="day-number">{Number(day.slice(8))}</span>}
                  {day && (byDay.get(day) ?? []).map((event) => (
                    <button key={event.occurrenceKey} type="button" class={`month-event${event.live ? '' : ' is-deleted'}`} aria-current={event.id === selected ? 'true' : undefined} onClick={() => setSelected(event.id)}>
                      {event.title}
                      {event.recurring && (
                        <span class="mark-repeats">
                          <span aria-hidden="true"> ↻</span>
                          <span class="visually-hidden"> ({t('eventRepeats')})</span>
                        </span>
                      )}
                      {!event.live && <span class="visually-hidden"> ({t('markDeleted')})</span>}
                    </button>
                  ))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {selected && <ItemDetail key={selected} itemId={selected} />}
    </div>
  );
}
