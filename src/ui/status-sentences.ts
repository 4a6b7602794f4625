// The sentences that say how complete an account's copy is. "Up to date" only when the mirror
// holds every item the server listed; items the server did not send are counted and said to be
// tried again; items kept as served but unreadable are counted on a line of their own.
import { t } from '../shared/i18n';
import { tPlural } from './plural';
import { relativeTime } from './relative-time';

export interface UpToDateParams {
  lastSuccessAt: number;
  /** Items the server listed that the mirror does not hold yet (fetched again next run). */
  missing: number;
  now: number;
}

export function upToDateSentence({ lastSuccessAt, missing, now }: UpToDateParams): string {
  const when = relativeTime(lastSuccessAt, now);
  if (missing === 0) return t('statusLastSafeCopy', when);
  return tPlural(missing, { one: 'statusUpToDateExceptMissing_one', other: 'statusUpToDateExceptMissing_other' }, when);
}

export function unreadableSentence(count: number): string {
  return tPlural(count, { one: 'statusUnreadableKept_one', other: 'statusUnreadableKept_other' });
}
