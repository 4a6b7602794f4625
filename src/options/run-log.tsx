// The last sync runs of each account: when, what changed, and every error in plain words.
import { openDb } from '../db/schema';
import type { AccountRecord, RunRecord } from '../db/records';
import { recentRuns } from '../db/runs';
import { t } from '../shared/i18n';
import { useLiveQuery } from '../ui/use-live-query';

export function RunLog({ accounts }: { accounts: AccountRecord[] }) {
  const ids = accounts.map((a) => a.id).join(',');
  const runs = useLiveQuery(async () => (await Promise.all(accounts.map((a) => recentRuns(openDb(), a.id, 10)))).flat(), [ids]);
  if (!runs || runs.length === 0) return <p>{t('runLogEmpty')}</p>;
  const labels = new Map(accounts.map((a) => [a.id, a.label]));
  return (
    <table class="run-log">
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

function RunRow({ run, label }: { run: RunRecord; label: string }) {
  return (
    <tr class={`run run-${run.outcome}`}>
      <td>{new Date(run.startedAt).toLocaleString()}</td>
      <td>{label}</td>
      <td>{t(`runOutcome_${run.outcome}`)}</td>
      <td>{t('runLogChangeCounts', run.added, run.changed, run.deletedUpstream)}</td>
      <td>
        {run.errors.length === 0 ? (
          '—'
        ) : (
          <ul>
            {run.errors.map((error, index) => (
              <li key={index}>{error.message}</li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}
