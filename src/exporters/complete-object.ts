// Whether a text is one whole vCard or iCalendar object: it opens with BEGIN:VCARD (or
// BEGIN:VCALENDAR) and closes with the matching END. Such a text can be copied into an export
// exactly as served even when nothing can read it (RFC 6350 §3.3: a .vcf is "1*vcard"; RFC 5545
// §3.4: an .ics is "1*icalobject"), whereas a text cut short would break the file around it.

export type ObjectEnvelope = 'VCARD' | 'VCALENDAR';

const OPEN = /^\uFEFF?\s*BEGIN:(VCARD|VCALENDAR)\s*\r?\n/i;

/** The envelope the text opens and closes with, or null when it is not one whole object. */
export function completeEnvelope(raw: string): ObjectEnvelope | null {
  const open = OPEN.exec(raw);
  if (!open) return null;
  const name = open[1]!.toUpperCase() as ObjectEnvelope;
  return new RegExp(`\\r?\\nEND:${name}\\s*$`, 'i').test(raw) ? name : null;
}

export function isCompleteObject(raw: string): boolean {
  return completeEnvelope(raw) !== null;
}
