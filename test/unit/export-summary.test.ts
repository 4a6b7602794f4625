// The export summary: items written, converted from another vCard version, kept exactly as
// served (whole but unreadable), left out (cut short), and the sentence a person reads.
import { describe, expect, it, vi } from 'vitest';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers/index';
import { buildExport } from '../../src/exporters/build-export';
import { MemorySource, card } from '../support/memory-source';
import { addTestAccount, freshDb } from '../support/test-db';

vi.mock('../../src/shared/browser', () => import('../support/catalog-browser'));
const { exportSummarySentence } = await import('../../src/ui/export-summary-sentence');

const BOOK = 'https://dav.example.com/alice/contacts/';
const CAL = 'https://dav.example.com/alice/calendar/';
const card4 = (uid: string, name: string) => ['BEGIN:VCARD', 'VERSION:4.0', `UID:${uid}`, `FN:${name}`, 'END:VCARD', ''].join('\r\n');
const UNREADABLE = 'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:odd\r\nN:Odd;Card;;;\r\nnot a property line\r\nEND:VCARD\r\n';
const CUT = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut Short\r\n';
const event = (uid: string, summary: string) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', 'BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20260101T000000Z', 'DTSTART:20260110T090000Z', `SUMMARY:${summary}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
// LF line endings and a line that is no property: the reader refuses it, the object is whole.
const ODD_EVENT = 'BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Odd//EN\nBEGIN:VEVENT\nUID:odd-event\nSUMMARY:Odd\nno colon here\nEND:VEVENT\nEND:VCALENDAR';

async function mirrored() {
  const db = freshDb();
  const account = await addTestAccount(db);
  const source = new MemorySource();
  source.addCollection(BOOK, 'Contacts');
  source.addCollection(CAL, 'Calendar', true, 'calendar');
  source.put(BOOK, `${BOOK}a.vcf`, card('a', 'Alice'));
  source.put(BOOK, `${BOOK}b.vcf`, card4('b', 'Bob'));
  source.put(BOOK, `${BOOK}c.vcf`, card4('c', 'Carol'));
  source.put(BOOK, `${BOOK}odd.vcf`, UNREADABLE);
  source.put(BOOK, `${BOOK}cut.vcf`, CUT);
  source.put(CAL, `${CAL}e.ics`, event('e', 'Dentist'));
  source.put(CAL, `${CAL}odd.ics`, ODD_EVENT);
  await syncAccount({ db, source, readers, now: () => 1000 }, account);
  return db;
}

describe('the export summary', () => {
  it('counts the cards written, converted, kept as served and left out, and keeps the unreadable card as served', async () => {
    const db = await mirrored();
    const file = await buildExport(db, 'contacts', {}, new Date(Date.UTC(2026, 11, 6)));
    expect(file).toMatchObject({ kind: 'contacts', count: 4, version: '3.0', convertedFrom: { '4.0': 2 }, keptAsServed: 1 });
    expect(file.skipped).toEqual([{ title: 'Cut Short', reason: expect.stringMatching(/incomplete/) as unknown }]);
    expect(file.text).toContain(UNREADABLE);
    expect(file.text).not.toContain('FN:Cut Short');
    expect(file.text.match(/^BEGIN:VCARD$/gm)).toHaveLength(4);

    expect(exportSummarySentence({ ...file, fileName: 'contacts (1).vcf' })).toBe(
      'Saved contacts (1).vcf: 4 contacts, 2 converted from vCard 4.0, 1 kept exactly as served. ' +
        '1 item was left out because its text is incomplete; it stays in the copy as served.',
    );
  });

  it('converts nothing when the file has the version the cards were served in', async () => {
    const db = await mirrored();
    const file = await buildExport(db, 'contacts', { vcardVersion: '4.0' }, new Date());
    expect(file).toMatchObject({ count: 4, convertedFrom: { '3.0': 1 }, keptAsServed: 1 });
    expect(exportSummarySentence(file)).toMatch(/: 4 contacts, 1 converted from vCard 3\.0, 1 kept exactly as served\. 1 item was/);
  });

  it('appends an unreadable calendar object after the calendar, exactly as served', async () => {
    const db = await mirrored();
    const file = await buildExport(db, 'calendars', {}, new Date());
    expect(file).toMatchObject({ kind: 'calendars', count: 2, keptAsServed: 1, skipped: [] });
    expect(file.convertedFrom).toBeUndefined();
    // RFC 5545 §3.4: an iCalendar stream holds one or more objects.
    expect(file.text.endsWith(`END:VCALENDAR\r\n${ODD_EVENT}\r\n`)).toBe(true);
    expect(file.text.indexOf('SUMMARY:Dentist')).toBeLessThan(file.text.indexOf(ODD_EVENT));
    expect(exportSummarySentence({ ...file, fileName: 'lifeboat-calendars.ics' })).toBe('Saved lifeboat-calendars.ics: 2 calendar items, 1 kept exactly as served.');
  });

  it('speaks in the singular for one item, and names optional counts only when there are some', () => {
    expect(exportSummarySentence({ fileName: 'a.vcf', kind: 'contacts', count: 1, skipped: [] })).toBe('Saved a.vcf: 1 contact.');
    expect(exportSummarySentence({ fileName: 'a.vcf', kind: 'contacts', count: 3, convertedFrom: { '': 1, '2.1': 1 }, version: '3.0', keptAsExtension: 1, skipped: [] })).toBe(
      'Saved a.vcf: 3 contacts, 2 converted to vCard 3.0, 1 with properties kept as X- properties.',
    );
  });
});
