// The last sync runs of each account: when, what changed, every error in plain words, each
// item kept exactly as served because it could not be read, and each one this run read only in
// part (collection, name, address, reason).
import { useEffect } from 'preact/hooks';
import { openDb } from '../db/schema';
import type { RunRecord } from '../model/run';
import type { AccountRecord } from '../model/account';
import { recentRuns } from '../db/runs';
import { t, type MessageKey } from '../shared/i18n';
import { useLiveQuery } from '../ui/use-live-query';
import { RUN_LOG_ANCHOR } from '../ui/open-run-log';
import { tPlural } from '../ui/plural';
import { ProblemList } from './problem-list';
import { formatDateTime } from '../catalog/person-locale';

export function RunLog({ accounts }: { accounts: AccountRecord[] }) {
  const ids = accounts.map((a) => a.id).join(',');
  const runs = useLiveQuery(async () => (await Promise.all(accounts.map((a) => recentRuns(openDb(), a.id, 10)))).flat(), [ids]);
  const shown = runs !== undefined;
  // The popup links here ("See which"): the page renders after load, so the browser's own
  // jump to the anchor finds nothing yet.
  useEffect(() => {
    if (shown && location.hash === `#${RUN_LOG_ANCHOR}`) document.getElementById(RUN_LOG_ANCHOR)?.scrollIntoView();
  }, [shown]);
  if (!runs || runs.length === 0) return <p id={RUN_LOG_ANCHOR}>{t('runLogEmpty')}</p>;
  const labels = new Map(accounts.map((a) => [a.id, a.label]));
  return (
    <table class="run-log" id={RUN_LOG_ANCHOR}>
      <thead>
        <tr>
          <th scope="col">{t('runLogStarted')}</th>
          <th scope="col">{t('runLogAccount')}</th>
          <th scope="col">{t('runLogOutcome')}</th>
          <th scope="col">{t('runLogChanges')}</th>
          <th scope="col">{t('runLogErrors')}</th>
        </tr>
      </thead>
      <tbody>
        {runs.sort((a, b) => b.startedAt - a.startedAt).map((run) => (
          <RunRow key={run.id} run={run} label={labels.get(run.accountId) ?? ''} />
        ))}
      </tbody>
    </table>
  );
}

/** Why an item was read only in part (calendars/calendar-fields.ts CalendarDegraded), in words. */
const LIMITED_REASONS: Record<string, MessageKey> = {
  'timezone-too-complex': 'limitedTimezoneTooComplex',
  'repeat-rule-unreadable': 'limitedRepeatRuleUnreadable',
  'parser-refused': 'limitedParserRefused',
};

function RunRow({ run, label }: { run: RunRecord; label: string }) {
  const unreadable = run.unreadable ?? [];
  const limited = run.limited ?? [];
  return (
    <tr class={`run run-${run.outcome}`}>
      <td>{formatDateTime(run.startedAt)}</td>
      <td>{label}</td>
      <td>{t(`runOutcome_${run.outcome}`)}</td>
      <td>{t('runLogChangeCounts', run.added, run.changed, run.deletedUpstream)}</td>
      <td>
        {run.errors.length === 0 && unreadable.length === 0 && limited.length === 0 && '—'}
        {run.errors.length > 0 && (
          <ul>
            {run.errors.map((error, index) => (
              <li key={index}>{error.message}</li>
            ))}
          </ul>
        )}
        {unreadable.length > 0 && (
          <ProblemList
            heading={tPlural(unreadable.length, { one: 'runLogUnreadable_one', other: 'runLogUnreadable_other' })}
            problems={unreadable.map((item) => t('runLogUnreadableItem', item.collectionName, item.title, item.href, item.reason))}
          />
        )}
        {limited.length > 0 && (
          <ProblemList
            heading={tPlural(limited.length, { one: 'runLogLimited_one', other: 'runLogLimited_other' })}
            problems={limited.map((item) => {
              const key = LIMITED_REASONS[item.reason];
              return t('runLogUnreadableItem', item.collectionName, item.title, item.href, key ? t(key) : item.reason);
            })}
          />
        )}
      </td>
    </tr>
  );
}
