// Accounts and their sync status. Status lives in the database so that the popup, which may
// be closed while a sync runs, reads it whenever it opens (Dexie liveQuery).
import type { LifeboatDb } from './schema';
import type { AccountRecord } from '../model/account';

export type NewAccount = Pick<AccountRecord, 'id' | 'kind' | 'label' | 'serverUrl' | 'calendarServerUrl' | 'services' | 'username'> & Pick<Partial<AccountRecord>, 'driveFolder' | 'editedVersions'>;

export async function insertAccount(db: LifeboatDb, account: NewAccount, now: number): Promise<AccountRecord> {
  const record: AccountRecord = {
    ...account,
    createdAt: now,
    status: 'idle',
    lastError: null,
    lastSuccessAt: null,
    progress: null,
    detached: false,
    discovery: {},
  };
  await db.accounts.add(record);
  return record;
}

export async function getAccount(db: LifeboatDb, id: string): Promise<AccountRecord> {
  const account = await db.accounts.get(id);
  if (!account) throw new Error(`No account with id ${id}`);
  return account;
}

/** The accounts the person has (not the ones removed with their data kept). */
export async function listAccounts(db: LifeboatDb): Promise<AccountRecord[]> {
  const accounts = await db.accounts.orderBy('createdAt').toArray();
  return accounts.filter((account) => !account.detached);
}

export async function updateAccount(db: LifeboatDb, id: string, changes: Partial<AccountRecord>): Promise<void> {
  await db.accounts.update(id, changes);
}
