// Import into the mirror: a backup archive (after the browser's data was cleared), or a .vcf or
// .ics from anywhere. Runs here in the page, which holds the File the person picked: sending
// it to the worker would copy it whole into a message.
import { useState } from 'preact/hooks';
import { openDb } from '../db/schema';
import { t } from '../shared/i18n';
import { readers } from '../sync/readers';
import { readFileToImport } from '../restore/import-file';
import { importIntoMirror, type ImportReport } from '../restore/import-into-mirror';
import type { SkippedEntry } from '../archive/entry-caps';
import { StatusLine, type Message } from '../ui/controls/status-line';
import { Field } from '../ui/controls/field';
import { ProblemList } from './problem-list';
import { formatCount } from '../ui/format-count';

export function ImportPanel() {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [skipped, setSkipped] = useState<SkippedEntry[]>([]);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setReport(null);
    setSkipped([]);
    try {
      const { label, parts, skipped: notRead } = await readFileToImport(file);
      setSkipped(notRead);
      const result = await importIntoMirror(openDb(), label, parts, readers, Date.now());
      setReport(result);
      setMessage({ text: t('restoreImported', result.added, label, result.alreadyInMirror), error: false });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="import-panel">
      <Field label={t('restoreImportLabel')}>
        {(control) => <input {...control} type="file" accept=".zip,.vcf,.ics,application/zip,text/vcard,text/calendar" disabled={busy} onChange={(e) => void importFile(e.currentTarget.files?.[0])} />}
      </Field>
      {busy && <p role="status">{t('restoreBusy')}</p>}
      <StatusLine message={message} />
      {report && report.differed > 0 && <p>{t('restoreImportDiffered', report.differed)}</p>}
      {skipped.length > 0 && (
        <ProblemList heading={t('restoreImportSkipped', formatCount(skipped.length))} problems={skipped.map((entry) => `${entry.name}: ${t(`restoreSkipped_${entry.reason}`)}`)} />
      )}
      {report && report.failed.length > 0 && (
        <ProblemList heading={t('restoreImportFailed', formatCount(report.failed.length))} problems={report.failed.map((f) => `${f.source}: ${f.reason}`)} />
      )}
    </div>
  );
}
