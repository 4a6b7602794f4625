// Every kept text of an item, newest first: when each was current, what changed from the one
// before, and "Restore this version", which makes an earlier text the mirror's current one.
import { openDb } from '../../../db/schema';
import { itemHistory, type HistoryEntry } from '../../../db/item-history';
import { t } from '../../../shared/i18n';
import { useLiveQuery } from '../../../ui/use-live-query';
import { VersionDiff } from './version-diff';
import { RestoreVersion } from './restore-version';
import { formatDateTime } from '../../../catalog/person-locale';

function period(entry: HistoryEntry): string {
  const from = formatDateTime(entry.validFrom);
  const text = entry.replacedAt === null ? t('historyCurrent', from) : t('historyPeriod', from, formatDateTime(entry.replacedAt));
  return entry.deletedAt === null ? text : `${text} ${t('historyWhileDeleted')}`;
}

export function ItemHistory({ itemId }: { itemId: string }) {
  const history = useLiveQuery(() => itemHistory(openDb(), itemId), [itemId]);
  if (!history) return null;
  const { entries } = history;
  return (
    <section class="history" aria-labelledby="history-heading">
      <h3 id="history-heading">{t('historyHeading')}</h3>
      {entries.length === 1 && <p class="muted">{t('historyNone')}</p>}
      <ol class="history-entries">
        {entries.map((entry, index) => {
          const older = entries[index + 1];
          return (
            <li key={entry.versionId ?? 'current'} class="history-entry">
              <details open={index === 0 && older !== undefined}>
                <summary>{period(entry)}</summary>
                {older ? <VersionDiff before={older.raw} after={entry.raw} /> : <p class="muted">{t('historyFirst')}</p>}
              </details>
              {entry.versionId !== null && <RestoreVersion versionId={entry.versionId} />}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
