// Restore into a server: pick a mirrored address book or calendar (and, if wanted, a past
// moment), a collection of the same kind on any account, then a dry run or the restore itself.
// Into an address book that drops labels (Google's), the panel says so before and after. The
// restore writes item by item to the server: it reports through the database
// (ui/call-through-db.ts), and a restore sent again after a stopped worker skips what is there.
import { useState } from 'preact/hooks';
import { openDb } from '../db/schema';
import { t } from '../shared/i18n';
import { useConnector } from '../ui/connect/use-connector';
import type { PushReport } from '../model/push';
import { StatusLine, type Message } from '../ui/controls/status-line';
import { Button } from '../ui/controls/button';
import { Field } from '../ui/controls/field';
import { useLiveQuery } from '../ui/use-live-query';
import { collectionChoices } from './collection-choices';
import { CollectionSelect } from './collection-select';
import { ProblemList } from './problem-list';
import type { ProviderSetup } from '../model/provider-setup';
import { setupOf } from '../providers/setup-registry';
import { formatCount } from '../ui/format-count';

export function PushPanel() {
  const { callThroughDb } = useConnector();
  const db = openDb();
  const choices = useLiveQuery(() => collectionChoices(db));
  const servers = useLiveQuery(async () => new Map<string, ProviderSetup>((await db.accounts.toArray()).map((a) => [a.id, setupOf(a.kind)] as const).filter(([, setup]) => setup.canRestoreTo)));
  const [fromId, setFromId] = useState('');
  const [intoId, setIntoId] = useState('');
  const [asOf, setAsOf] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [report, setReport] = useState<PushReport | null>(null);

  const from = choices?.find((c) => c.id === fromId);
  const targets = choices?.filter((c) => c.id !== fromId && servers?.has(c.accountId) && (!from || c.kind === from.kind)) ?? [];
  const into = targets.find((c) => c.id === intoId);
  const dropsLabels = into?.kind === 'addressbook' && servers?.get(into.accountId)?.keepsContactLabels === false;

  const run = async (dryRun: boolean) => {
    if (!from || !into) return;
    setBusy(true);
    setReport(null);
    try {
      const result = await callThroughDb('restoreToCollection', {
        sourceCollectionId: from.id,
        targetAccountId: into.accountId,
        targetCollectionHref: into.href,
        dryRun,
        ...(asOf ? { asOf: new Date(asOf).getTime() } : {}),
      });
      setReport(result);
      setMessage({ text: t(dryRun ? 'restoreWouldCreate' : 'restoreCreated', result.created, result.alreadyThere), error: false });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="push-panel">
      <p>{t('restorePushIntro')}</p>
      <CollectionSelect label={t('restoreFrom')} emptyLabel={t('restoreChooseCollection')} choices={choices} value={fromId} onChange={setFromId} />
      <Field label={t('optionsExportAsOf')}>{(control) => <input {...control} type="datetime-local" value={asOf} onInput={(e) => setAsOf(e.currentTarget.value)} />}</Field>
      <CollectionSelect label={t('restoreInto')} emptyLabel={t('restoreChooseCollection')} choices={targets} value={intoId} onChange={setIntoId} />
      {dropsLabels && <p class="muted">{t('restoreLabelsNotKeptByGoogle')}</p>}
      <div class="actions">
        <Button disabled={busy || !from || !into} onAction={() => run(true)}>
          {t('restoreDryRun')}
        </Button>
        <Button primary disabled={busy || !from || !into} onAction={() => run(false)}>
          {t('restorePush')}
        </Button>
      </div>
      {busy && <p role="status">{t('restoreBusy')}</p>}
      <StatusLine message={message} />
      {report && report.labelsNotKept > 0 && <p role="status">{t(report.dryRun ? 'restoreLabelsWouldBeLost' : 'restoreLabelsLost', report.labelsNotKept)}</p>}
      {report && report.titles.length > 0 && <ProblemList heading="" problems={report.titles} />}
      {report && report.failed.length > 0 && (
        <ProblemList heading={t('restoreFailedItems', formatCount(report.failed.length))} problems={report.failed.map((f) => `${f.title}: ${f.reason}`)} />
      )}
    </div>
  );
}
