// Google Photos through Takeout: the person picks the zips Takeout made (one or several parts,
// again later: files already held are recognised by their SHA-256). Runs in the page, which
// holds the Files: sending them to the worker would copy them whole into a message.
import { useState } from 'preact/hooks';
import { openDb } from '../db/schema';
import { t } from '../shared/i18n';
import { importTakeout } from '../photos/takeout/import-takeout';
import { StatusLine, type Message } from '../ui/controls/status-line';
import { Field } from '../ui/controls/field';
import { formatCount } from '../ui/format-count';

export function TakeoutPanel() {
  const [progress, setProgress] = useState<string | null>(null);
  const [message, setMessage] = useState<Message>(null);

  const importFiles = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setMessage(null);
    setProgress(t('takeoutReading'));
    try {
      const report = await importTakeout(openDb(), [...files], Date.now(), (done, total) => setProgress(t('takeoutProgress', formatCount(done), formatCount(total))));
      setMessage({ text: t('takeoutImported', report.added, report.duplicates, report.withoutSidecar), error: false });
    } catch (error) {
      setMessage({ text: (error as Error).message, error: true });
    } finally {
      setProgress(null);
    }
  };

  return (
    <div class="takeout-panel">
      <p class="muted">{t('takeoutHelp')}</p>
      <Field label={t('takeoutLabel')}>
        {(control) => <input {...control} type="file" accept=".zip,application/zip" multiple disabled={progress !== null} onChange={(e) => void importFiles(e.currentTarget.files)} />}
      </Field>
      {progress && <p role="status">{progress}</p>}
      <StatusLine message={message} />
    </div>
  );
}
