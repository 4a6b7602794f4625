// VTIMEZONE definitions for sample events, as calendar servers send them (RFC 5545 §3.6.5):
// northern and southern daylight saving time, and a zone without any.
export type SampleZone = 'Europe/Berlin' | 'America/New_York' | 'Asia/Tokyo' | 'Australia/Sydney';

export const SAMPLE_ZONES: SampleZone[] = ['Europe/Berlin', 'America/New_York', 'Asia/Tokyo', 'Australia/Sydney'];

type Observance = [kind: 'STANDARD' | 'DAYLIGHT', start: string, rule: string | null, from: string, to: string, name: string];

const OBSERVANCES: Record<SampleZone, Observance[]> = {
  'Europe/Berlin': [
    ['DAYLIGHT', '19700329T020000', 'FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', '+0100', '+0200', 'CEST'],
    ['STANDARD', '19701025T030000', 'FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', '+0200', '+0100', 'CET'],
  ],
  'America/New_York': [
    ['DAYLIGHT', '20070311T020000', 'FREQ=YEARLY;BYMONTH=3;BYDAY=2SU', '-0500', '-0400', 'EDT'],
    ['STANDARD', '20071104T020000', 'FREQ=YEARLY;BYMONTH=11;BYDAY=1SU', '-0400', '-0500', 'EST'],
  ],
  'Asia/Tokyo': [['STANDARD', '19700101T000000', null, '+0900', '+0900', 'JST']],
  'Australia/Sydney': [
    ['STANDARD', '20080406T030000', 'FREQ=YEARLY;BYMONTH=4;BYDAY=1SU', '+1100', '+1000', 'AEST'],
    ['DAYLIGHT', '20081005T020000', 'FREQ=YEARLY;BYMONTH=10;BYDAY=1SU', '+1000', '+1100', 'AEDT'],
  ],
};

/** The VTIMEZONE component of `zone`, one content line per entry. */
export function vtimezoneLines(zone: SampleZone): string[] {
  const observances = OBSERVANCES[zone].flatMap(([kind, start, rule, from, to, name]) => [
    `BEGIN:${kind}`,
    `DTSTART:${start}`,
    ...(rule ? [`RRULE:${rule}`] : []),
    `TZNAME:${name}`,
    `TZOFFSETFROM:${from}`,
    `TZOFFSETTO:${to}`,
    `END:${kind}`,
  ]);
  return ['BEGIN:VTIMEZONE', `TZID:${zone}`, ...observances, 'END:VTIMEZONE'];
}
