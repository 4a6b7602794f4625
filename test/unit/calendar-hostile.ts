// Calendar objects whose time zone costs unbounded work (not a test file itself): a VTIMEZONE
// observance that recurs every hour from 1601, which ical.js would expand occurrence by
// occurrence up to the year of each event. Its offsets are Berlin's, so nothing in it is
// invalid: only its cost is hostile.

/** One hostile event; `rule` replaces the hourly rule (e.g. "FREQ=MINUTELY;INTERVAL=7"). */
export function hostileEvent(i: number, rule = 'FREQ=HOURLY'): string {
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Example//Hostile//EN',
    'BEGIN:VTIMEZONE',
    `TZID:Hostile/Zone-${i}`,
    'BEGIN:STANDARD',
    'DTSTART:16010101T000000',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0100',
    `RRULE:${rule}`,
    'END:STANDARD',
    'BEGIN:DAYLIGHT',
    'DTSTART:16010325T020000',
    'TZOFFSETFROM:+0100',
    'TZOFFSETTO:+0200',
    'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
    'END:DAYLIGHT',
    'END:VTIMEZONE',
    'BEGIN:VEVENT',
    `UID:hostile-${i}@example.org`,
    'DTSTAMP:20260101T000000Z',
    `DTSTART;TZID=Hostile/Zone-${i}:20260315T090000`,
    `DTEND;TZID=Hostile/Zone-${i}:20260315T100000`,
    `SUMMARY:Hostile ${i}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
