// "Save a diagnostic for a bug report": the last answer of an iCloud account that Lifeboat was
// not written for, as a small JSON file in Downloads. It holds what the run log kept (the
// request's path, the HTTP status, the answer's shape with every value removed:
// providers/icloud-web/answer-shape.ts), the kind of account and Lifeboat's version; no name,
// no address book entry, no Apple ID. A data: URL needs no offscreen document for so little.
import { browser } from '../shared/browser';
import { openDb } from '../db/schema';
import { getAccount } from '../db/accounts';
import { recentRuns } from '../db/runs';
import { t } from '../catalog/catalog-text';

export async function saveIcloudDiagnostic({ accountId }: { accountId: string }): Promise<{ filename: string }> {
  const db = openDb();
  const account = await getAccount(db, accountId);
  const runs = await recentRuns(db, accountId);
  const found = runs.flatMap((run) => run.errors.filter((e) => e.diagnostic).map((e) => ({ at: run.startedAt, diagnostic: e.diagnostic! })))[0];
  if (!found) throw new Error(t('icloudAccountNoDiagnostic'));
  const report = {
    lifeboat: browser.runtime.getManifest().version,
    accountKind: account.kind,
    runStartedAt: new Date(found.at).toISOString(),
    ...found.diagnostic,
  };
  const filename = `lifeboat-icloud-diagnostic-${new Date(found.at).toISOString().slice(0, 10)}.json`;
  const url = `data:application/json;charset=utf-8,${encodeURIComponent(JSON.stringify(report, null, 2))}`;
  await browser.downloads.download({ url, filename, saveAs: false, conflictAction: 'uniquify' });
  return { filename };
}
