// The Graph conversions' output read by independent parsers: Python's icalendar and vobject
// (Debian's, through /usr/bin/python3) read each converted series with its RRULE, EXDATE,
// RECURRENCE-ID and VTIMEZONE, and each converted contact.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const DIR = 'test/fixtures/graph';

function python(script: string, input: string): string {
  const out = spawnSync('/usr/bin/python3', ['-c', script], { input, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout.trim();
}

const ICALENDAR = `
import sys, icalendar
cal = icalendar.Calendar.from_ical(sys.stdin.read())
events = cal.walk('VEVENT')
master = events[0]
print(len(events), len(cal.walk('VTIMEZONE')), master.get('RRULE').to_ical().decode(), len([e for e in events if e.get('RECURRENCE-ID')]), 'EXDATE' in master)
`;
const VOBJECT = `
import sys, vobject
cal = vobject.readOne(sys.stdin.read())
print(len(cal.vevent_list), cal.vevent.dtstart.value.isoformat())
`;

describe('Graph conversions read by Python', () => {
  it('icalendar and vobject read the weekly Berlin series with its exception and cancellation', () => {
    const text = readFileSync(`${DIR}/series-weekly-berlin.ics`, 'utf8');
    expect(python(ICALENDAR, text)).toBe('2 1 FREQ=WEEKLY;UNTIL=20250429T215959Z;BYDAY=TU 1 True');
    expect(python(VOBJECT, text)).toBe('2 2025-03-18T09:00:00+01:00');
  });

  it('icalendar reads the monthly and the all-day yearly series', () => {
    expect(python(ICALENDAR, readFileSync(`${DIR}/series-monthly-pacific.ics`, 'utf8'))).toBe('1 1 FREQ=MONTHLY;COUNT=6;BYDAY=TH;BYSETPOS=2 0 False');
    expect(python(ICALENDAR, readFileSync(`${DIR}/allday-yearly.ics`, 'utf8'))).toBe('1 0 FREQ=YEARLY;BYMONTHDAY=10;BYMONTH=12 0 False');
  });

  it('vobject reads each converted contact', () => {
    for (const name of ['contact-full', 'contact-minimal']) {
      const script = 'import sys, vobject\ncard = vobject.readOne(sys.stdin.read())\nprint(card.uid.value)';
      expect(python(script, readFileSync(`${DIR}/${name}.vcf`, 'utf8'))).toMatch(/^AAMkADk0-contact-\d$/);
    }
  });
});
