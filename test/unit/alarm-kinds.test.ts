import { describe, expect, it } from 'vitest';
import { accountSummaries } from '../../src/ui/account-summaries';
import { raiseAlarm } from '../../src/db/alarms';
import { photoCollectionId } from '../../src/model/wipe-mark';
import { addTestAccount, freshDb } from '../support/test-db';
import { mirrorWorld } from '../support/mirror-world';

const alarm = (accountId: string, collectionId: string) => ({
  accountId,
  collectionId,
  collectionName: 'x',
  kind: 'mass-change' as const,
  raisedAt: 2,
  before: 1,
  liveBefore: 100,
  deleted: 90,
  changed: 0,
});

describe('what a wipe alarm is about', () => {
  it('is a photo folder, a calendar or an address book, so "export the copy from before" exports the right thing', async () => {
    const { db } = await mirrorWorld();
    const collections = await db.collections.toArray();
    const book = collections.find((c) => c.kind === 'addressbook')?.id;
    const calendar = collections.find((c) => c.kind === 'calendar')?.id;
    await raiseAlarm(db, alarm('acct', book!));
    await raiseAlarm(db, alarm('acct', calendar!));
    await raiseAlarm(db, alarm('acct', photoCollectionId('acct')));
    const [summary] = await accountSummaries(db);
    expect(summary?.alarms.map((a) => a.collectionKind)).toEqual(['addressbook', 'calendar', 'photos']);
  });

  it('falls back to an address book for a collection the mirror no longer knows', async () => {
    const db = freshDb();
    await addTestAccount(db);
    await raiseAlarm(db, alarm('acct', 'acct|https://gone.example/'));
    expect((await accountSummaries(db))[0]?.alarms[0]?.collectionKind).toBe('addressbook');
  });
});
