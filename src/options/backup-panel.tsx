// Backups on disk: download the full archive, save a snapshot into the Downloads subfolder
// now, see the snapshots kept, and verify any archive against its manifest. Verification runs
// here in the page: the file the person picked is a File in this page, and reading it here
// spares copying it whole into a message to the worker. With the passphrase lock on, a backup
// can be encrypted with its passphrase (checked by default), and an encrypted one is verified
// with the passphrase typed beside the file picker. While an archive is built both buttons
// wait: two archives at once would only compete for the same disk and memory.
import { useState } from 'preact/hooks';
import { openDb } from '../db/schema';
import type { SnapshotRecord } from '../model/snapshot';
import { t } from '../shared/i18n';
import { verifyArchive, type VerifyReport } from '../archive/verify-archive';
import { StatusLine, type Message } from '../ui/controls/status-line';
import { Button } from '../ui/controls/button';
import { Field } from '../ui/controls/field';
import { Progress } from '../ui/controls/progress';
import { useConnector } from '../ui/connect/use-connector';
import { useLiveQuery } from '../ui/use-live-query';
import { formatBytes } from '../ui/format-bytes';
import { tPlural } from '../ui/plural';
import { archiveSavedSentence } from '../ui/saved-file-sentences';
import { useLockStatus } from '../ui/use-lock-status';
import { formatDateTime } from '../catalog/person-locale';

function SnapshotLine({ snapshot }: { snapshot: SnapshotRecord }) {
  const when = formatDateTime(snapshot.createdAt);
  if (snapshot.outcome === 'failed') return <li class="message-error">{t('backupSnapshotFailed', when, snapshot.error ?? '')}</li>;
  return <li>{tPlural(snapshot.items, { one: 'backupSnapshotLine_one', other: 'backupSnapshotLine_other' }, when, snapshot.fileName, formatBytes(snapshot.bytes))}</li>;
}

function VerifyResult({ report }: { report: VerifyReport }) {
  if (report.ok) return <p role="status">{tPlural(report.verified, { one: 'backupVerifyOk_one', other: 'backupVerifyOk_other' })}</p>;
  return (
    <div role="alert" class="message-error">
      <p>{tPlural(report.problems.length, { one: 'backupVerifyProblems_one', other: 'backupVerifyProblems_other' })}</p>
      <ul>
        {report.problems.map((p) => (
          <li key={p.path}>
            {p.path}: {p.problem}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function BackupPanel() {
  const { callThroughDb } = useConnector();
  const snapshots = useLiveQuery(() => openDb().snapshots.orderBy('createdAt').reverse().filter((s) => s.removedAt === null).limit(10).toArray());
  const [message, setMessage] = useState<Message>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [verifying, setVerifying] = useState(false);
  const [building, setBuilding] = useState(false);
  const { status: lock } = useLockStatus();
  const [encrypt, setEncrypt] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const fail = (error: Error) => setMessage({ text: error.message, error: true });

  const build = async (command: 'exportArchive' | 'snapshotNow') => {
    setBuilding(true);
    setMessage(null);
    try {
      const result = await (command === 'exportArchive' ? callThroughDb('exportArchive', { encrypt: lock === 'unlocked' && encrypt }) : callThroughDb('snapshotNow', {}));
      setMessage({ text: archiveSavedSentence(result), error: false });
    } catch (error) {
      fail(error as Error);
    } finally {
      setBuilding(false);
    }
  };

  const verify = async (file: File | undefined) => {
    if (!file) return;
    setReport(null);
    setVerifying(true);
    try {
      setReport(await verifyArchive(file, passphrase ? { password: passphrase } : {}));
      setMessage(null);
    } catch (error) {
      fail(error as Error);
    } finally {
      setVerifying(false);
    }
  };

  return (
    <div class="backup-panel">
      <p>{t('backupIntro')}</p>
      <div class="actions">
        <Button primary disabled={building} onAction={() => build('exportArchive')}>
          {t('backupDownload')}
        </Button>
        <Button disabled={building} onAction={() => build('snapshotNow')}>
          {t('backupSnapshotNow')}
        </Button>
      </div>
      {lock !== undefined && lock !== 'off' && (
        <Field label={t('backupEncrypt')} checkbox>
          {(control) => <input {...control} type="checkbox" name="encryptBackup" checked={lock === 'unlocked' && encrypt} disabled={lock !== 'unlocked'} onChange={(e) => setEncrypt(e.currentTarget.checked)} />}
        </Field>
      )}
      {building && <Progress label={t('backupBuilding')} />}
      <StatusLine message={message} />
      <h3>{t('backupSnapshots')}</h3>
      {snapshots && snapshots.length === 0 && <p>{t('backupNone')}</p>}
      <ul class="snapshots">{snapshots?.map((s) => <SnapshotLine key={s.id} snapshot={s} />)}</ul>
      <Field label={t('backupVerifyPassphrase')}>
        {(control) => <input {...control} type="password" name="verifyPassphrase" autoComplete="off" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />}
      </Field>
      <Field label={t('backupVerify')}>
        {(control) => <input {...control} type="file" accept=".zip,application/zip" disabled={verifying} onChange={(e) => void verify(e.currentTarget.files?.[0])} />}
      </Field>
      {verifying && <Progress label={t('backupVerifyBusy')} />}
      {report && <VerifyResult report={report} />}
    </div>
  );
}
