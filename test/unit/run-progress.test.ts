// Progress across every phase of a run: address books, then calendars; counts that only grow
// as listings arrive; writes throttled to a few per second.
import { describe, expect, it, vi } from 'vitest';
import { syncAccount } from '../../src/sync/sync-account';
import { progressReporter } from '../../src/sync/progress-reporter';
import type { RunProgress } from '../../src/model/account';
import { MemorySource, card } from '../support/memory-source';
import { addTestAccount, envelopeReaders, freshDb } from '../support/test-db';

vi.mock('../../src/shared/browser', () => import('../support/catalog-browser'));
const { progressSentence } = await import('../../src/ui/status-sentences');

const event = (uid: string) => ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', `UID:${uid}`, `SUMMARY:${uid}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

async function recordRun({ intervalMs }: { intervalMs: number }) {
  const db = freshDb();
  const account = await addTestAccount(db);
  const source = new MemorySource();
  // Listed calendar first: the run still mirrors the address book first.
  source.addCollection('https://dav.example.com/cal/', 'Calendar', true, 'calendar');
  source.addCollection('https://dav.example.com/book/', 'Contacts');
  source.addCollection('https://dav.example.com/work/', 'Work', true, 'calendar');
  for (let n = 0; n < 5; n++) source.put('https://dav.example.com/book/', `https://dav.example.com/book/${n}.vcf`, card(`c${n}`, `Person ${n}`));
  for (let n = 0; n < 4; n++) source.put('https://dav.example.com/cal/', `https://dav.example.com/cal/${n}.ics`, event(`e${n}`));
  for (let n = 0; n < 3; n++) source.put('https://dav.example.com/work/', `https://dav.example.com/work/${n}.ics`, event(`w${n}`));
  const writes: RunProgress[] = [];
  // Dexie hands a changed nested object to the hook as key paths ("progress.done") or whole.
  db.accounts.hook('updating', (modifications, _key, before) => {
    const changes = modifications as Record<string, unknown>;
    const paths = Object.entries(changes).filter(([path]) => path.startsWith('progress'));
    if (paths.length === 0 || changes['progress'] === null) return;
    const whole = changes['progress'] as RunProgress | undefined;
    const parts: Partial<RunProgress> = Object.fromEntries(paths.filter(([path]) => path.includes('.')).map(([path, value]) => [path.slice('progress.'.length), value]));
    writes.push({ ...(whole ?? before.progress ?? { done: 0, total: 0 }), ...parts });
  });
  // One collection at a time: the line's steps in order (side by side, it names the latest started).
  await syncAccount({ db, source, readers: envelopeReaders, now: () => 1000, batchSize: 2, progressIntervalMs: intervalMs, collectionsAtOnce: 1 }, account);
  return writes;
}

describe('run progress', () => {
  it('covers every collection, address books first, with counts that never go back', async () => {
    const writes = await recordRun({ intervalMs: 0 });
    const phases = writes.filter((w) => w.phase).map((w) => `${w.phase} ${w.collectionsListed}/${w.collections}`);
    expect([...new Set(phases)]).toEqual(['addressbook 1/3', 'calendar 2/3', 'calendar 3/3']);
    for (let i = 1; i < writes.length; i++) {
      expect(writes[i]!.done).toBeGreaterThanOrEqual(writes[i - 1]!.done);
      expect(writes[i]!.total).toBeGreaterThanOrEqual(writes[i - 1]!.total);
      expect(writes[i]!.done).toBeLessThanOrEqual(writes[i]!.total);
    }
    expect(writes.at(-1)).toMatchObject({ done: 12, total: 12, phase: 'calendar', collectionsListed: 3 });
    // The total grew as each listing came in.
    expect([...new Set(writes.map((w) => w.total))]).toEqual([0, 5, 9, 12]);
  });

  it('writes each new collection at once but throttles the batches in between', async () => {
    const writes = await recordRun({ intervalMs: 60_000 });
    // The start, then one write per collection listed: no batch write within the minute.
    expect(writes.map((w) => `${w.collectionsListed ?? 0}:${w.done}/${w.total}`)).toEqual(['0:0/0', '1:0/5', '2:5/9', '3:9/12']);
  });

  it('writes at most once per interval while a collection is fetched', async () => {
    let now = 0;
    const written: RunProgress[] = [];
    const reporter = progressReporter({ write: (p) => Promise.resolve(void written.push(p)), clock: () => now, minIntervalMs: 250 });
    for (let done = 0; done <= 1000; done += 10) {
      now += 5; // a batch every 5 ms: 500 ms in all
      await reporter.update({ done, total: 1000, phase: 'addressbook', collectionsListed: 1, collections: 1 });
    }
    expect(written.length).toBeLessThanOrEqual(3);
    await reporter.update({ done: 400, total: 900, phase: 'addressbook', collectionsListed: 1, collections: 1 });
    expect(reporter.shown!.done).toBeGreaterThanOrEqual(written.at(-1)!.done);
  });

  it('says which phase and how far', () => {
    expect(progressSentence({ done: 40, total: 180, phase: 'calendar', collectionsListed: 2, collections: 3 })).toBe('Copying… 40 of 180 items · calendars, 2 of 3');
    expect(progressSentence({ done: 0, total: 1, phase: 'addressbook', collectionsListed: 1, collections: 2 })).toBe('Copying… 0 of 1 item · contacts, 1 of 2');
    expect(progressSentence({ done: 0, total: 0 })).toBe('Copying…');
  });
});
