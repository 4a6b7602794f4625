// The sentences that say how complete an account's copy is. "Up to date" only when the mirror
// holds every item the server listed; items the server did not send are counted and said to be
// tried again; items kept as served but unreadable are counted on a line of their own.
import type { RunProgress } from '../model/account';
import { t } from '../shared/i18n';
import { tPlural } from './plural';
import { relativeTime } from './relative-time';
import { formatCount } from './format-count';

export interface UpToDateParams {
  lastSuccessAt: number;
  /** Items the server listed that the mirror does not hold yet (fetched again next run). */
  missing: number;
  /** Address books or calendars the last run could not copy. */
  collectionsMissed?: number;
  now: number;
}

export function upToDateSentence({ lastSuccessAt, missing, collectionsMissed = 0, now }: UpToDateParams): string {
  const when = relativeTime(lastSuccessAt, now);
  if (collectionsMissed > 0) {
    return tPlural(collectionsMissed, { one: 'statusUpToDateExceptCollections_one', other: 'statusUpToDateExceptCollections_other' }, when);
  }
  if (missing === 0) return t('statusLastSafeCopy', when);
  return tPlural(missing, { one: 'statusUpToDateExceptMissing_one', other: 'statusUpToDateExceptMissing_other' }, when);
}

export function unreadableSentence(count: number): string {
  return tPlural(count, { one: 'statusUnreadableKept_one', other: 'statusUnreadableKept_other' });
}

/**
 * "Copying… 40 of 180 items · calendars, 2 of 3": the items fetched of those listed so far
 * (a total that grows as listings arrive), which phase, and which collection of how many.
 */
export function progressSentence({ done, total, phase, collectionsListed, collections }: RunProgress): string {
  if (phase !== undefined && collectionsListed !== undefined && collections !== undefined) {
    const what = phase === 'addressbook' ? t('statusPhaseContacts') : t('statusPhaseCalendars');
    const items = tPlural(total, { one: 'statusItemsOf_one', other: 'statusItemsOf_other' }, formatCount(done));
    return t('statusSyncingPhase', items, what, formatCount(collectionsListed), formatCount(collections));
  }
  return total > 0 ? t('statusSyncingProgress', formatCount(done), formatCount(total)) : t('statusSyncing');
}
