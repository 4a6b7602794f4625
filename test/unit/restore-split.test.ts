import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { splitVcards } from '../../src/restore/split-vcards';
import { splitCalendar } from '../../src/calendars/split-calendar';
import { fixture } from '../support/mirror-world';

describe('splitVcards', () => {
  it('cuts a file into its cards, each as written, whatever the line endings', () => {
    const text = 'BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:4.0\r\nFN:B\r\n  continued\r\nEND:VCARD\r\n';
    const { items, problems } = splitVcards(text);
    expect(items).toEqual(['BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n', 'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:B\r\n  continued\r\nEND:VCARD\r\n']);
    expect(problems).toEqual([]);
  });

  it('keeps a vCard 2.1 AGENT card inside its card, and reports an unterminated last card', () => {
    const agent = 'BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Boss\r\nAGENT:\r\nBEGIN:VCARD\r\nFN:Assistant\r\nEND:VCARD\r\nEND:VCARD\r\n';
    const { items, problems } = splitVcards(`${agent}BEGIN:VCARD\r\nFN:Cut`);
    expect(items).toEqual([agent]);
    expect(problems).toEqual(['The file ends inside a card (no END:VCARD): that card was not imported']);
  });

  it('finds BEGIN and END on unfolded lines: a folded END:VCARD ends its card, and the next card is kept', () => {
    const folded = 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCA\r\n RD\r\n';
    const { items, problems } = splitVcards(`${folded}BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nEND:VCARD\r\n`);
    expect(problems).toEqual([]);
    expect(items).toEqual([folded, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:B\r\nEND:VCARD\r\n']);
  });

  it('reports stray text between cards, and a byte-order mark is not stray', () => {
    const { items, problems } = splitVcards('\uFEFFBEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\ngarbage\r\n');
    expect(items).toHaveLength(1);
    expect(problems).toEqual(['A line outside any card was ignored: garbage']);
  });
});

/** The lines of a calendar file between its VCALENDAR lines, less the calendar's own properties. */
function componentsOf(ics: string): string {
  const lines = ics.split(/\r?\n/);
  const first = lines.findIndex((line, index) => index > 0 && line.startsWith('BEGIN:'));
  const last = lines.lastIndexOf('END:VCALENDAR');
  return lines.slice(first, last).join('\r\n');
}

describe('splitCalendar', () => {
  const calendar = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Example//EN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Everything',
    componentsOf(fixture('calendar/dst-overlap.ics')),
    'BEGIN:VTODO',
    'UID:task-1',
    'SUMMARY:Pay the rent',
    'END:VTODO',
    'BEGIN:VEVENT',
    'UID:override-1',
    'DTSTART:20260301T100000Z',
    'RRULE:FREQ=DAILY;COUNT=3',
    'SUMMARY:Standup',
    'END:VEVENT',
    'BEGIN:VEVENT',
    'UID:override-1',
    'RECURRENCE-ID:20260302T100000Z',
    'DTSTART:20260302T110000Z',
    'SUMMARY:Standup (moved)',
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');

  it('gives one object per UID, a master with its overrides, each with the time zones it uses and no METHOD', () => {
    const { items, problems } = splitCalendar(calendar);
    expect(problems).toEqual([]);
    const parsed = items.map((text) => new ICAL.Component(ICAL.parse(text) as unknown[]));
    const uids = parsed.map((c) => [...new Set(c.getAllSubcomponents().filter((s) => s.name !== 'vtimezone').map((s) => s.getFirstPropertyValue('uid')))]);
    expect(uids.flat()).toContain('task-1');
    expect(uids.every((u) => u.length === 1)).toBe(true);
    const standup = parsed.find((c) => c.getFirstSubcomponent('vevent')?.getFirstPropertyValue('uid') === 'override-1')!;
    expect(standup.getAllSubcomponents('vevent')).toHaveLength(2);
    expect(parsed.filter((c) => c.getFirstSubcomponent('vtimezone'))).toHaveLength(1);
    for (const c of parsed) {
      expect(c.getFirstProperty('method')).toBeNull();
      const zonesUsed = c.getAllSubcomponents('vtimezone').length;
      const needsZone = c.getAllSubcomponents('vevent').some((e) => e.getFirstProperty('dtstart')?.getParameter('tzid'));
      expect(zonesUsed > 0).toBe(Boolean(needsZone));
    }
  });

  it('says so when a file holds no calendar item, or ends early', () => {
    expect(splitCalendar('hello').problems).toEqual(['No event, task or journal entry was found in this file']);
    expect(splitCalendar('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n').problems[0]).toContain('ends inside a calendar');
  });
});
