// The iCloud conversions read by independent parsers: Python's vobject and icalendar (Debian's,
// through /usr/bin/python3) read a converted contact's values exactly (semicolons, commas,
// newlines, astral characters) and a converted event with its zone and kept fields.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { contactToVcard } from '../../src/providers/icloud-web/contact-to-vcard';
import { eventToIcal } from '../../src/providers/icloud-web/event-to-ical';
import { appleDate } from '../harness/icloud/calendar-routes';

function python(script: string, input: string): string {
  const out = spawnSync('/usr/bin/python3', ['-c', script], { input, encoding: 'utf8' });
  if (out.status !== 0) throw new Error(out.stderr);
  return out.stdout.trim();
}

const NOTE = 'Meet at 5; bring: maps, tea\nand 🚲 — “Zoë”';

describe('iCloud conversions read by Python', () => {
  it('vobject reads the contact, every value exact', () => {
    const card = contactToVcard({ contactId: 'C-1', firstName: 'Zoë', lastName: 'Å; Berg, Jr', notes: NOTE, phones: [{ field: '+46 8 123', label: 'MOBILE' }], favouriteTea: { kind: 'oolong', cups: 3 } });
    const script = [
      'import sys, json, vobject',
      'c = vobject.readOne(sys.stdin.read())',
      'print(json.dumps([c.uid.value, c.n.value.family, c.n.value.given, c.note.value, c.tel.value, c.contents["x-icloud-favouritetea"][0].value]))',
    ].join('\n');
    expect(JSON.parse(python(script, card))).toEqual(['C-1', 'Å; Berg, Jr', 'Zoë', NOTE, '+46 8 123', '{"cups":3,"kind":"oolong"}']);
  });

  it('icalendar and vobject read the event in its zone, with its kept fields', () => {
    const ics = eventToIcal({ guid: 'EV-1', title: 'Ride; then tea, 🚲', description: NOTE, tz: 'Europe/Stockholm', startDate: appleDate('2025-10-26T01:30', true), endDate: appleDate('2025-10-26T04:00', false), pGuid: 'home' });
    const icalendar = [
      'import sys, json, icalendar',
      'e = icalendar.Calendar.from_ical(sys.stdin.read()).walk("VEVENT")[0]',
      'print(json.dumps([str(e["SUMMARY"]), str(e["DESCRIPTION"]), e.decoded("DTSTART").isoformat(), e.decoded("DTEND").isoformat(), str(e["X-ICLOUD-PGUID"])]))',
    ].join('\n');
    // The night clocks went back: 01:30 CEST and 04:00 CET.
    expect(JSON.parse(python(icalendar, ics))).toEqual(['Ride; then tea, 🚲', NOTE, '2025-10-26T01:30:00+02:00', '2025-10-26T04:00:00+01:00', '"home"']);
    const vobject = 'import sys, vobject\ne = vobject.readOne(sys.stdin.read()).vevent\nprint(e.dtstart.value.isoformat(), e.summary.value)';
    expect(python(vobject, ics)).toBe('2025-10-26T01:30:00+02:00 Ride; then tea, 🚲');
  });
});
