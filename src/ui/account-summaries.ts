// The accounts with their counts as the pages show them, read through Dexie.
import type { LifeboatDb } from '../db/schema';
import { readSummaryRecords } from '../db/summary-records';
import { summarizeAccounts, type AccountSummary } from './summarize-accounts';

export async function accountSummaries(db: LifeboatDb): Promise<AccountSummary[]> {
  return summarizeAccounts(await readSummaryRecords(db));
}
