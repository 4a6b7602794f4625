// Backups on disk: download the full archive, save a snapshot into the Downloads subfolder
// now, see the snapshots kept, and verify any archive against its manifest. Verification runs
// here in the page: the file the person picked is a File in this page, and reading it here
// spares copying it whole into a message to the worker. With the passphrase lock on, a backup
// can be encrypted with its passphrase (checked by default), and an encrypted one is verified
// with the passphrase typed beside the file picker.
import { useState } from 'preact/hooks';
import { openDb } from '../db/schema';
import type { SnapshotRecord } from '../model/snapshot';
import { t } from '../shared/i18n';
import { callThroughDb } from '../ui/call-through-db';
import type { ArchiveResult } from '../model/export';
import { verifyArchive, type VerifyReport } from '../archive/verify-archive';
import { StatusMessage, type Message } from '../ui/status-message';
import { useLiveQuery } from '../ui/use-live-query';
import { formatBytes } from '../ui/format-bytes';
import { useLockStatus } from '../ui/use-lock-status';

function savedMessage(result: ArchiveResult): Message {
  return { text: t('backupSaved', result.fileName, result.files, formatBytes(result.bytes)), error: false };
}

function SnapshotLine({ snapshot }: { snapshot: SnapshotRecord }) {
  const when = new Date(snapshot.createdAt).toLocaleString();
  if (snapshot.outcome === 'failed') return <li class="message-error">{t('backupSnapshotFailed', when, snapshot.error ?? '')}</li>;
  return <li>{t('backupSnapshotLine', when, snapshot.fileName, snapshot.items, formatBytes(snapshot.bytes))}</li>;
}

function VerifyResult({ report }: { report: VerifyReport }) {
  if (report.ok) return <p role="status">{t('backupVerifyOk', report.verified)}</p>;
  return (
    <div role="alert" class="message-error">
      <p>{t('backupVerifyProblems', report.problems.length)}</p>
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
  const snapshots = useLiveQuery(() => openDb().snapshots.orderBy('createdAt').reverse().filter((s) => s.removedAt === null).limit(10).toArray());
  const [message, setMessage] = useState<Message>(null);
  const [report, setReport] = useState<VerifyReport | null>(null);
  const [busy, setBusy] = useState(false);
  const { status: lock } = useLockStatus();
  const [encrypt, setEncrypt] = useState(true);
  const [passphrase, setPassphrase] = useState('');
  const fail = (error: Error) => setMessage({ text: error.message, error: true });

  const verify = async (file: File | undefined) => {
    if (!file) return;
    setReport(null);
    setBusy(true);
    try {
      setReport(await verifyArchive(file, passphrase ? { password: passphrase } : {}));
      setMessage(null);
    } catch (error) {
      fail(error as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="backup-panel">
      <p>{t('backupIntro')}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={() => void callThroughDb('exportArchive', { encrypt: lock === 'unlocked' && encrypt }).then((r) => setMessage(savedMessage(r)), fail)}>
          {t('backupDownload')}
        </button>
        <button type="button" onClick={() => void callThroughDb('snapshotNow', {}).then((r) => setMessage(savedMessage(r)), fail)}>
          {t('backupSnapshotNow')}
        </button>
      </div>
      {lock !== undefined && lock !== 'off' && (
        <label class="checkbox">
          <input type="checkbox" name="encryptBackup" checked={lock === 'unlocked' && encrypt} disabled={lock !== 'unlocked'} onChange={(e) => setEncrypt(e.currentTarget.checked)} />
          {t('backupEncrypt')}
        </label>
      )}
      <StatusMessage message={message} />
      <h3>{t('backupSnapshots')}</h3>
      {snapshots && snapshots.length === 0 && <p>{t('backupNone')}</p>}
      <ul class="snapshots">{snapshots?.map((s) => <SnapshotLine key={s.id} snapshot={s} />)}</ul>
      <label>
        {t('backupVerifyPassphrase')}
        <input type="password" name="verifyPassphrase" autoComplete="off" value={passphrase} onInput={(e) => setPassphrase(e.currentTarget.value)} />
      </label>
      <label>
        {t('backupVerify')}
        <input type="file" accept=".zip,application/zip" disabled={busy} onChange={(e) => void verify(e.currentTarget.files?.[0])} />
      </label>
      {busy && <p role="status">{t('backupVerifyBusy')}</p>}
      {report && <VerifyResult report={report} />}
    </div>
  );
}
