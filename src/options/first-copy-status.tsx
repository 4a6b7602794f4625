// The first copy of an account a form has just added, shown under that form as it happens: its
// counts and status line, read live from the database as the accounts list reads them (the worker
// writes them; ui/follow-first-mirror.ts keeps it awake meanwhile). For the forms of the Photos
// section, whose accounts are listed in another section.
import { useAccountSummaries } from '../ui/use-account-summaries';
import { AccountStatus } from '../ui/account-status';
import { ItemCounts } from '../ui/item-counts';
import { useNow } from '../ui/use-now';

export function FirstCopyStatus({ accountId }: { accountId: string }) {
  const summaries = useAccountSummaries();
  const now = useNow();
  const summary = summaries?.find((s) => s.account.id === accountId);
  if (!summary) return null;
  return (
    <div class="first-copy">
      <ItemCounts summary={summary} />
      <AccountStatus account={summary.account} now={now} missing={summary.missing} collectionsMissed={summary.collectionsMissed} />
    </div>
  );
}
