// A fresh, uniquely named database per test, on fake-indexeddb.
import { LifeboatDb } from '../../src/db/schema';
import { insertAccount } from '../../src/db/accounts';
import type { AccountRecord } from '../../src/model/account';
import type { ItemRecord } from '../../src/model/item';
import type { ItemReader, Readers } from '../../src/model/item-reader';

let counter = 0;

export function freshDb(): LifeboatDb {
  counter++;
  return new LifeboatDb(`lifeboat-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
}

export function addTestAccount(db: LifeboatDb, id = 'acct'): Promise<AccountRecord> {
  return insertAccount(db, { id, kind: 'dav', label: 'Test', serverUrl: 'https://dav.example.com/', calendarServerUrl: null, services: ['addressbook', 'calendar'], username: 'alice' }, 1);
}

/** A live contact of addTestAccount's account, numbered `n`, in its address book `acct|book`: for tests that count items. */
export function bookContact(n: number): ItemRecord {
  return {
    id: `acct|book|${n}`, accountId: 'acct', collectionId: 'acct|book', kind: 'contact', href: `${n}`, etag: '1', raw: 'BEGIN:VCARD', uid: null,
    title: `Person ${n}`, emails: [], phones: [], start: null, end: null, allDay: false, recurring: false, firstSeenAt: 1, updatedAt: 1, deletedUpstreamAt: null, live: 1,
  };
}

/** A reader that only checks the envelope, so engine tests do not depend on vCard details. */
export const envelopeReader: ItemReader = {
  read(raw) {
    if (!raw.startsWith('BEGIN:VCARD')) return { ok: false, reason: 'Not a vCard' };
    const fn = /\nFN:(.*)\r?\n/.exec(raw)?.[1] ?? '';
    return { ok: true, fields: { kind: 'contact', uid: null, title: fn } };
  },
};

const calendarEnvelopeReader: ItemReader = {
  read(raw) {
    if (!raw.startsWith('BEGIN:VCALENDAR')) return { ok: false, reason: 'Not an iCalendar object' };
    const summary = /\nSUMMARY:(.*)\r?\n/.exec(raw)?.[1] ?? '';
    return { ok: true, fields: { kind: 'event', uid: null, title: summary } };
  },
};

export const envelopeReaders: Readers = { addressbook: envelopeReader, calendar: calendarEnvelopeReader };
