// "Sync now" for one account: busy while the command runs and while the account's run goes on
// (the worker writes `syncing` to the database), so a second click cannot queue a second run;
// a refusal (the lock closed, the account paused) is said under the row of buttons. The run's
// progress bar in the account's status says it is working, so the button shows no spinner then.
import { useState } from 'preact/hooks';
import type { AccountRecord } from '../model/account';
import { t } from '../shared/i18n';
import { Button } from '../ui/controls/button';
import { StatusLine, type Message } from '../ui/controls/status-line';
import { useConnector } from '../ui/connect/use-connector';

export function SyncNowButton({ account }: { account: AccountRecord }) {
  const { callThroughDb } = useConnector();
  const [message, setMessage] = useState<Message>(null);
  const sync = async () => {
    setMessage(null);
    try {
      await callThroughDb('syncNow', { accountId: account.id });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    }
  };
  return (
    <>
      <Button busy={account.status === 'syncing'} progressShown onAction={sync}>
        {t('popupSyncNow')}
      </Button>
      <StatusLine message={message} />
    </>
  );
}
