// A fresh, uniquely named database per test, on fake-indexeddb.
import { LifeboatDb } from '../../src/db/schema';
import { insertAccount } from '../../src/db/accounts';
import type { AccountRecord } from '../../src/model/account';
import type { ItemReader, Readers } from '../../src/model/item-reader';

let counter = 0;

export function freshDb(): LifeboatDb {
  counter++;
  return new LifeboatDb(`lifeboat-test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`);
}

export function addTestAccount(db: LifeboatDb, id = 'acct'): Promise<AccountRecord> {
  return insertAccount(db, { id, kind: 'dav', label: 'Test', serverUrl: 'https://dav.example.com/', calendarServerUrl: null, services: ['addressbook', 'calendar'], username: 'alice' }, 1);
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
