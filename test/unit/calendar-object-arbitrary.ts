// Generated calendar objects for round-trip properties (not a test file itself): an event or a
// task with a series (RRULE, EXDATE, one RECURRENCE-ID override), alarms, text with emoji and
// other astral characters, parameters holding quotes, commas, semicolons and colons, vendor
// X- properties, and folds at random octets, inside multi-octet characters too.
import fc from 'fast-check';
import { decodeUnfolded } from '../../src/shared/unfold-content-lines';

const BERLIN = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT as written (RFC 5545 §3.3.11). */
const escape = (s: string) => s.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\n/g, '\\n');

const piece = fc.constantFrom('Réunion', ' ', ',', ';', ':', '\\', '\n', '"', '😀', '👩‍👩‍👧', '𝄞', '日本語', 'é', 'x', '🇺🇦', 'end:', 'BEGIN:VEVENT');
export const text = fc.array(piece, { minLength: 1, maxLength: 30 }).map((p) => p.join(''));
/** A parameter value: quoted (it may hold , ; : but no quote, §3.1 QSAFE-CHAR) or plain. */
const paramValue = fc.array(fc.constantFrom('Doe', ', ', ';', ':', 'Jane', 'é', '😀', ' '), { minLength: 1, maxLength: 6 }).map((p) => `"${p.join('')}"`);

export interface ObjectSpec {
  kind: 'VEVENT' | 'VTODO';
  zoned: boolean;
  day: number;
  series: boolean;
  override: boolean;
  alarm: boolean;
  summary: string;
  description: string;
  cn: string;
  note: string;
}

export const objectSpec: fc.Arbitrary<ObjectSpec> = fc.record({
  kind: fc.constantFrom('VEVENT' as const, 'VTODO' as const),
  zoned: fc.boolean(),
  day: fc.integer({ min: 1, max: 10 }), // the override and EXDATE fall 7 and 14 days later, still in March
  series: fc.boolean(),
  override: fc.boolean(),
  alarm: fc.boolean(),
  summary: text,
  description: text,
  cn: paramValue,
  note: paramValue,
});

/** The object's text, unfolded, one content line per entry, CRLF. */
export function objectText(spec: ObjectSpec, index: number): string {
  const uid = `gen-${index}@example.org`;
  const day = String(spec.day).padStart(2, '0');
  const at = (d: string, hour: string) => (spec.zoned ? `;TZID=Europe/Berlin:202603${d}T${hour}0000` : `:202603${d}T${hour}0000Z`);
  const end = spec.kind === 'VEVENT' ? 'DTEND' : 'DUE';
  const alarm = spec.alarm ? ['BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escape(spec.summary)}`, 'TRIGGER:-PT15M', 'END:VALARM'] : [];
  const main = [
    `BEGIN:${spec.kind}`, `UID:${uid}`, 'DTSTAMP:20260101T000000Z', `DTSTART${at(day, '09')}`, `${end}${at(day, '10')}`,
    ...(spec.series ? ['RRULE:FREQ=WEEKLY;COUNT=5', `EXDATE${at(String(spec.day + 14).padStart(2, '0'), '09')}`] : []),
    `SUMMARY:${escape(spec.summary)}`, `DESCRIPTION:${escape(spec.description)}`,
    `ATTENDEE;CN=${spec.cn};X-NOTE=${spec.note},plain:mailto:jane@example.org`,
    `X-VENDOR-THING;X-A=${spec.note}:${escape(spec.description)}`,
    ...alarm, `END:${spec.kind}`,
  ];
  const moved = spec.series && spec.override
    ? [`BEGIN:${spec.kind}`, `UID:${uid}`, 'DTSTAMP:20260101T000000Z', `RECURRENCE-ID${at(String(spec.day + 7).padStart(2, '0'), '09')}`,
      `DTSTART${at(String(spec.day + 7).padStart(2, '0'), '11')}`, `${end}${at(String(spec.day + 7).padStart(2, '0'), '12')}`, `SUMMARY:${escape(spec.summary)} (moved)`, `END:${spec.kind}`]
    : [];
  return [...['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example//Generated//EN'], ...(spec.zoned ? BERLIN : []), ...main, ...moved, 'END:VCALENDAR', ''].join('\r\n');
}

/**
 * The object as a careless server serves it: its UTF-8 bytes folded (CRLF and a space) at the
 * given octet positions, character boundaries or not, then decoded as the engine decodes.
 */
export function servedText(unfolded: string, folds: readonly number[]): string {
  const bytes = new TextEncoder().encode(unfolded);
  const lineBreaks = new Set<number>();
  bytes.forEach((b, i) => b === 0x0a && lineBreaks.add(i));
  // Never right after a line break (that would fold an empty line into the next) nor at a CR.
  const cuts = [...new Set(folds.map((f) => f % bytes.length))].filter((c) => c > 0 && !lineBreaks.has(c - 1) && bytes[c] !== 0x0d && bytes[c] !== 0x0a).sort((a, b) => a - b);
  const out: number[] = [];
  let from = 0;
  for (const c of cuts) {
    out.push(...bytes.subarray(from, c), 0x0d, 0x0a, 0x20);
    from = c;
  }
  out.push(...bytes.subarray(from));
  return decodeUnfolded(new Uint8Array(out));
}
