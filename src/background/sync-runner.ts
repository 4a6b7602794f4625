// Runs sync jobs: at most one per account at a time, whoever asks (alarm, Sync now, a new
// account). A second request for a running account waits for the same run.
import { openDb } from '../db/schema';
import { getAccount, listAccounts } from '../db/accounts';
import type { AccountRecord } from '../db/records';
import { syncAccount, type RunSummary } from '../sync/sync-account';
import { contactReader } from '../sync/readers/contact-reader';
import { sourceForAccount } from '../sources/source-for-account';
import { loadPassword } from './credentials';

const running = new Map<string, Promise<RunSummary>>();

export function syncOne(accountId: string): Promise<RunSummary> {
  const current = running.get(accountId);
  if (current) return current;
  const run = (async () => {
    const db = openDb();
    const account = await getAccount(db, accountId);
    return syncAccount({ db, source: await sourceFor(account), reader: contactReader, now: Date.now }, account);
  })().finally(() => running.delete(accountId));
  running.set(accountId, run);
  return run;
}

export async function syncAll(): Promise<number> {
  const accounts = await listAccounts(openDb());
  await Promise.all(accounts.map((account) => syncOne(account.id)));
  return accounts.length;
}

async function sourceFor(account: AccountRecord) {
  return sourceForAccount(account, await loadPassword(account.id));
}
