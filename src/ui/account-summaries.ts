// What the pages show of each account, read with index-only counts so that opening the
// popup costs the same with 20 contacts or 20,000.
import type { LifeboatDb } from '../db/schema';
import type { AccountRecord } from '../db/records';
import { listAccounts } from '../db/accounts';
import { countLiveItems, countDeletedUpstream } from '../db/queries';

export interface AccountSummary {
  account: AccountRecord;
  contacts: number;
  contactsDeletedUpstream: number;
}

export async function accountSummaries(db: LifeboatDb): Promise<AccountSummary[]> {
  const accounts = await listAccounts(db);
  return Promise.all(
    accounts.map(async (account) => ({
      account,
      contacts: await countLiveItems(db, account.id, 'contact'),
      contactsDeletedUpstream: await countDeletedUpstream(db, account.id, 'contact'),
    })),
  );
}
