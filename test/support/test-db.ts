// A fresh, uniquely named database per test, on fake-indexeddb.
import { LifeboatDb } from '../../src/db/schema';
import { insertAccount } from '../../src/db/accounts';
import type { AccountRecord } from '../../src/db/records';
import type { ItemReader } from '../../src/sync/item-reader';

let counter = 0;

export function freshDb(): LifeboatDb {
  counter++;
  return new LifeboatDb(`lifeboat-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
}

export function addTestAccount(db: LifeboatDb, id = 'acct'): Promise<AccountRecord> {
  return insertAccount(db, { id, kind: 'carddav', label: 'Test', serverUrl: 'https://dav.example.com/', username: 'alice' }, 1);
}

/** A reader that only checks the envelope, so engine tests do not depend on vCard details. */
export const envelopeReader: ItemReader = {
  kind: 'contact',
  read(raw) {
    if (!raw.startsWith('BEGIN:VCARD')) return { ok: false, reason: 'Not a vCard' };
    const fn = /\nFN:(.*)\r?\n/.exec(raw)?.[1] ?? '';
    return { ok: true, fields: { uid: null, title: fn, emails: [], phones: [] } };
  },
};
