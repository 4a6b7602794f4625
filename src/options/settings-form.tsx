// Schedule, version retention and the wipe alarm's thresholds.
import { useEffect, useState } from 'preact/hooks';
import { openDb } from '../db/schema';
import { readSettings } from '../db/settings';
import type { Settings } from '../model/settings';
import { t } from '../shared/i18n';
import type { MessageKey } from '../shared/i18n';
import { useConnector } from '../ui/connect/use-connector';
import { useLiveQuery } from '../ui/use-live-query';
import { Button } from '../ui/controls/button';
import { Field } from '../ui/controls/field';
import { StatusLine, type Message } from '../ui/controls/status-line';

type Setting = { key: keyof Settings; label: MessageKey; min: number; max: number; percent?: boolean };

const SETTINGS: Setting[] = [
  { key: 'syncIntervalMinutes', label: 'settingSyncInterval', min: 5, max: 1440 },
  { key: 'keepVersionsDays', label: 'settingKeepDays', min: 1, max: 3650 },
  { key: 'keepMinVersions', label: 'settingKeepMin', min: 1, max: 1000 },
  { key: 'wipeShare', label: 'settingWipeShare', min: 1, max: 100, percent: true },
  { key: 'wipeMinItems', label: 'settingWipeMin', min: 1, max: 100_000 },
  { key: 'snapshotEveryDays', label: 'settingSnapshotDays', min: 0, max: 365 },
  { key: 'snapshotsKept', label: 'settingSnapshotsKept', min: 1, max: 100 },
];

export function SettingsForm() {
  const { call } = useConnector();
  const stored = useLiveQuery(() => readSettings(openDb()));
  const [draft, setDraft] = useState<Settings | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (stored && !draft) setDraft(stored);
  }, [stored, draft]);
  if (!draft) return null;

  const shown = (field: Setting) => (field.percent ? Math.round(draft[field.key] * 100) : draft[field.key]);
  const set = (field: Setting, value: number) => {
    setDraft({ ...draft, [field.key]: field.percent ? value / 100 : value });
    setMessage(null);
  };
  return (
    <form
      class="settings"
      onSubmit={(event) => {
        event.preventDefault();
        setBusy(true);
        call('updateSettings', draft)
          .then(
            () => setMessage({ text: t('settingsSaved'), error: false }),
            (error: Error) => setMessage({ text: error.message, error: true }),
          )
          .finally(() => setBusy(false));
      }}
    >
      {SETTINGS.map((field) => (
        <Field key={field.key} label={t(field.label)}>
          {(control) => <input {...control} type="number" min={field.min} max={field.max} required value={shown(field)} onInput={(e) => set(field, e.currentTarget.valueAsNumber)} />}
        </Field>
      ))}
      <Button type="submit" primary busy={busy}>
        {t('settingsSave')}
      </Button>
      <StatusLine message={message} />
    </form>
  );
}
