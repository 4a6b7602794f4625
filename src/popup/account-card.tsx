import type { AccountSummary } from '../ui/summarize-accounts';
import { AccountStatus } from '../ui/account-status';
import { ItemCounts } from '../ui/item-counts';
import { UnreadableLine } from '../ui/unreadable-line';

export function AccountCard({ summary, now }: { summary: AccountSummary; now: number }) {
  const { account } = summary;
  return (
    <li class="account" data-account-id={account.id}>
      <div class="account-head">
        <h2>{account.label}</h2>
        <span class="host">{hostOf(account.serverUrl)}</span>
      </div>
      <ItemCounts summary={summary} />
      <AccountStatus account={account} now={now} missing={summary.missing} collectionsMissed={summary.collectionsMissed} />
      {/* Why a collection was not copied, in the run's own words: a server that pointed at a
          foreign host is named here, not only in the run log. */}
      {(summary.missedReasons ?? []).slice(0, MISSED_REASONS_SHOWN).map((reason) => (
        <p key={reason} class="status-why">
          {reason}
        </p>
      ))}
      <UnreadableLine count={summary.unreadable} />
    </li>
  );
}

const MISSED_REASONS_SHOWN = 2;

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
