// "Contacts: 412 · Events: 1,280 · Tasks: 36", only the kinds the account has.
import type { AccountSummary } from './summarize-accounts';
import { t } from '../shared/i18n';
import { setupOf } from '../providers/setup-registry';
import { formatCount } from './format-count';

export function ItemCounts({ summary }: { summary: AccountSummary }) {
  const { account, contacts, events, tasks, photos, deletedUpstream } = summary;
  const showCalendars = account.services.includes('calendar') || events + tasks > 0;
  const photosOnly = setupOf(account.kind).mirrors === 'photos';
  return (
    <p class="counts">
      {!photosOnly && (
        <span class="count" data-testid="contact-count">
          {t('countContacts', formatCount(contacts))}
        </span>
      )}
      {showCalendars && (
        <>
          {' · '}
          <span class="count" data-testid="event-count">
            {t('countEvents', formatCount(events))}
          </span>
          {' · '}
          <span class="count" data-testid="task-count">
            {t('countTasks', formatCount(tasks))}
          </span>
        </>
      )}
      {(photosOnly || photos > 0) && (
        <>
          {!photosOnly && ' · '}
          <span class="count" data-testid="photo-count">
            {t('countPhotos', formatCount(photos))}
          </span>
        </>
      )}
      {deletedUpstream > 0 && <span class="muted deleted-count"> · {t('countDeletedUpstreamShort', formatCount(deletedUpstream))}</span>}
    </p>
  );
}
