// The user's settings, one row in the database so that pages see changes live.
import type { LifeboatDb } from './schema';
import type { Settings } from '../model/settings';

export const DEFAULT_SETTINGS: Settings = {
  syncIntervalMinutes: 30,
  keepVersionsDays: 90,
  keepMinVersions: 5,
  wipeShare: 0.2,
  wipeMinItems: 10,
  snapshotEveryDays: 7,
  snapshotsKept: 4,
};

const KEY = 'settings';

export async function readSettings(db: LifeboatDb): Promise<Settings> {
  const row = await db.settings.get(KEY);
  if (!row) return { ...DEFAULT_SETTINGS };
  const { key: _key, ...stored } = row;
  return { ...DEFAULT_SETTINGS, ...stored };
}

export async function writeSettings(db: LifeboatDb, changes: Partial<Settings>): Promise<Settings> {
  const next = { ...(await readSettings(db)), ...changes };
  await db.settings.put({ key: KEY, ...next });
  return next;
}
