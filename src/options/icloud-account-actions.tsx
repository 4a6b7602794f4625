// What an iCloud account riding on the icloud.com session offers under its status: while the
// browser is signed out, the one button that opens icloud.com (the account resumes by itself
// once the person is signed in there); after an answer Lifeboat was not written for, saving a
// diagnostic (path, status and the answer's shape, no personal values) for a bug report.
import type { AccountRecord } from '../model/account';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import { useState } from 'preact/hooks';
import { Button } from '../ui/controls/button';
import { StatusLine, type Message } from '../ui/controls/status-line';
import { useConnector } from '../ui/connect/use-connector';
import { useLiveQuery } from '../ui/use-live-query';
import { openDb } from '../db/schema';
import { recentRuns } from '../db/runs';
import { ICLOUD_SITE } from './icloud-session-form';

export function IcloudAccountActions({ account }: { account: AccountRecord }) {
  const { call } = useConnector();
  const [message, setMessage] = useState<Message>(null);
  // Offered only while the last run ended on an answer Lifeboat was not written for.
  const diagnostic = useLiveQuery(async () => (await recentRuns(openDb(), account.id, 1))[0]?.errors.some((e) => e.diagnostic) ?? false, [account.id]);
  const save = async () => {
    try {
      setMessage({ text: t('icloudAccountDiagnosticSaved', (await call('saveIcloudDiagnostic', { accountId: account.id })).filename), error: false });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    }
  };
  return (
    <>
      {account.status === 'needs-sign-in' && <Button onAction={() => browser.tabs.create({ url: ICLOUD_SITE })}>{t('icloudAccountOpenIcloud')}</Button>}
      {diagnostic === true && <Button onAction={save}>{t('icloudAccountSaveDiagnostic')}</Button>}
      <StatusLine message={message} />
    </>
  );
}
