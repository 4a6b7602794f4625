// A TZID is renamed in an export only on a real conflict. Real-world VTIMEZONEs of
// Europe/London (Thunderbird's full history, Outlook's rules from 1601, the tz database's
// rules from 1970, Apple's and Google's layouts; test/fixtures/calendar/SOURCES.md) are one zone
// for every event from 1997 on; copies that differ only in what moves no instant (DTSTAMP,
// LAST-MODIFIED, TZNAME, X- properties, order, line breaks) are one definition even when they
// are too costly to expand; a definition that moves events is kept apart, renamed.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportIcs } from '../../src/exporters/ical-export';
import { fixtureDir } from './calendar-helpers';
import { hostileEvent } from './calendar-hostile';

const dir = fileURLToPath(new URL('vtimezones/', `file://${fixtureDir}`));
const variants = readdirSync(dir)
  .filter((f) => f.endsWith('.ics'))
  .sort()
  .map((f) => ({ name: f, text: readFileSync(`${dir}${f}`, 'utf8').replace('TZID:GMT Standard Time', 'TZID:Europe/London') }));

function londonEvent(uid: string, vtimezone: string, start = '20240615T090000', extra = ''): string {
  const event = `BEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20240101T000000Z\r\nDTSTART;TZID=Europe/London:${start}\r\n${extra}SUMMARY:${uid}\r\nEND:VEVENT\r\n`;
  return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\n${vtimezone.trimEnd()}\r\n${event}END:VCALENDAR\r\n`;
}

const tzids = (text: string) => [...text.matchAll(/^TZID:(.*)\r$/gm)].map((m) => m[1]);
const references = (text: string) => [...new Set([...text.matchAll(/;TZID=([^:;]*)/g)].map((m) => m[1]))];

describe('TZID renames in one export', () => {
  it('has the five real-world Europe/London variants', () => {
    expect(variants.map((v) => v.name)).toEqual([
      'europe-london-apple-layout.ics',
      'europe-london-google-layout.ics',
      'europe-london-thunderbird.ics',
      'europe-london-tzdb-1970.ics',
      'gmt-standard-time-outlook.ics',
    ]);
  });

  it('keeps one Europe/London for 20 events across every variant, weekly series included', () => {
    const objects = Array.from({ length: 20 }, (_, i) => {
      const v = variants[i % variants.length]!;
      return londonEvent(`e${i}@example.org`, v.text, `2024${String((i % 12) + 1).padStart(2, '0')}10T090000`, i % 2 === 0 ? 'RRULE:FREQ=WEEKLY\r\n' : '');
    });
    const { text, count } = exportIcs(objects);
    expect(count).toBe(20);
    expect(tzids(text)).toEqual(['Europe/London']);
    expect(references(text)).toEqual(['Europe/London']);
  });

  it('treats copies that differ only in DTSTAMP, LAST-MODIFIED, TZNAME, X- properties, order or line breaks as one, without expanding them', () => {
    // Too costly to expand (expansion-budget.ts): only the observance comparison can tell.
    const base = hostileEvent(0).replace(/Hostile\/Zone-0/g, 'Europe/London');
    const vtz = base.slice(base.indexOf('BEGIN:VTIMEZONE'), base.indexOf('END:VTIMEZONE') + 13);
    const copies = [
      vtz,
      vtz.replace('TZID:Europe/London', 'TZID:Europe/London\r\nLAST-MODIFIED:20250101T000000Z\r\nDTSTAMP:20250101T000000Z\r\nX-LIC-LOCATION:Europe/London'),
      vtz.replace(/TZOFFSETTO:\+0200/, 'TZNAME:CEST\r\nTZOFFSETTO:+0200'),
      vtz.replace('TZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100', 'TZOFFSETTO:+0100\r\nTZOFFSETFROM:+0100').replace(/\r\n/g, '\n'),
      vtz.replace('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'RRULE:FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3'),
    ];
    const { text, count } = exportIcs(copies.map((c, i) => londonEvent(`copy-${i}@example.org`, c)));
    expect(count).toBe(copies.length);
    expect(tzids(text)).toEqual(['Europe/London']);
  });

  it('renames a definition that really moves events: London on +01:00 all year', () => {
    const fixed = 'BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nEND:STANDARD\r\nEND:VTIMEZONE';
    const { text } = exportIcs([londonEvent('a@example.org', variants[2]!.text, '20240115T090000'), londonEvent('b@example.org', fixed, '20240115T090000')]);
    expect(tzids(text)).toEqual(['Europe/London', 'Europe/London (2)']);
    expect(references(text)).toEqual(['Europe/London', 'Europe/London (2)']);
  });
});
