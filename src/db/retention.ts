// Version retention: every version is kept for `keepVersionsDays`, and the newest
// `keepMinVersions` of every item are kept forever, so an item edited once a year still has
// its history. Only versions older than the window are ever candidates.
import type { LifeboatDb } from './schema';
import type { Settings } from '../model/settings';

const DAY = 86_400_000;

export async function pruneVersions(db: LifeboatDb, now: number, policy: Pick<Settings, 'keepVersionsDays' | 'keepMinVersions'>): Promise<number> {
  const cutoff = now - policy.keepVersionsDays * DAY;
  return db.transaction('rw', db.versions, async () => {
    const old = await db.versions.where('replacedAt').below(cutoff).toArray();
    const itemIds = [...new Set(old.map((version) => version.itemId))];
    const doomed: number[] = [];
    for (const itemId of itemIds) {
      const all = await db.versions.where('itemId').equals(itemId).toArray();
      all.sort((a, b) => b.replacedAt - a.replacedAt || (b.id ?? 0) - (a.id ?? 0));
      for (const version of all.slice(policy.keepMinVersions)) {
        if (version.replacedAt < cutoff && version.id !== undefined) doomed.push(version.id);
      }
    }
    await db.versions.bulkDelete(doomed);
    return doomed.length;
  });
}
