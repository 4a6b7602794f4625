// Schedule, version retention and the wipe alarm's thresholds.
import { useEffect, useState } from 'preact/hooks';
import { openDb } from '../db/schema';
import { readSettings } from '../db/settings';
import type { Settings } from '../model/settings';
import { t } from '../shared/i18n';
import type { MessageKey } from '../shared/i18n';
import { useConnector } from '../ui/connect/use-connector';
import { useLiveQuery } from '../ui/use-live-query';

type Field = { key: keyof Settings; label: MessageKey; min: number; max: number; percent?: boolean };

const FIELDS: Field[] = [
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
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    if (stored && !draft) setDraft(stored);
  }, [stored, draft]);
  if (!draft) return null;

  const shown = (field: Field) => (field.percent ? Math.round(draft[field.key] * 100) : draft[field.key]);
  const set = (field: Field, value: number) => {
    setDraft({ ...draft, [field.key]: field.percent ? value / 100 : value });
    setMessage(null);
  };
  return (
    <form
      class="settings"
      onSubmit={(event) => {
        event.preventDefault();
        void call('updateSettings', draft).then(() => setMessage(t('settingsSaved')));
      }}
    >
      {FIELDS.map((field) => (
        <label key={field.key}>
          {t(field.label)}
          <input type="number" min={field.min} max={field.max} required value={shown(field)} onInput={(e) => set(field, e.currentTarget.valueAsNumber)} />
        </label>
      ))}
      <button type="submit" class="primary">
        {t('settingsSave')}
      </button>
      <p class="message" role="status">
        {message ?? ''}
      </p>
    </form>
  );
}
