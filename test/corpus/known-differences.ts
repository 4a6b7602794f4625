// Judgements of the corpus test that are not failures, each with its reason. Keyed by
// `<mode> <item id>`. Only what no change of ours could fix belongs here: the independent
// parser cannot read the item as the server served it, so there is nothing to compare with.
// Known bugs of the exporter are NOT listed: the test fails on them until they are fixed.
import type { Judgement } from './corpus-judge';

export const KNOWN_DIFFERENCES: Record<string, string> = {
  'export-ics ical4android/empty-priority.ics':
    'Python icalendar 4.0 cannot read the served item ("PRIORITY:" with no value: RFC 5545 §3.8.1.9 wants an integer), so there is nothing to compare with.',
  'export-ics ical4android/tasks_empty-priority.ics':
    'Python icalendar 4.0 cannot read the served item ("PRIORITY:" with no value), so there is nothing to compare with.',
  'export-ics icalendar/america_new_york.ics':
    'Python icalendar 4.0 refuses the served item: an RRULE UNTIL in local time with a zoned DTSTART (RFC 5545 §3.3.10 wants UTC there).',
  'export-ics vobject/ms_tzid.ics':
    'Python icalendar 4.0 refuses the served item: an RRULE UNTIL in local time with a zoned DTSTART (RFC 5545 §3.3.10 wants UTC there).',
  'export-ics ical4android/two-line-description-without-crlf.ics':
    'Radicale served this item with another item\'s Europe/Berlin definition (+02:00 all year) added as its VTIMEZONE: the file names the zone without defining it, ' +
    'and the vobject library inside Radicale resolves TZIDs through one registry for the whole process, filled by an earlier upload. Python icalendar cannot build that ' +
    'definition (its issue #321), so there is nothing to compare with. The export keeps what Radicale served; Cyrus serves the item as uploaded.',
  'export-ics ical4android/vjournal_two-line-description-without-crlf.ics':
    'Radicale served this item with another item\'s Europe/Berlin definition (+02:00 all year) added as its VTIMEZONE: the file names the zone without defining it, ' +
    'and the vobject library inside Radicale resolves TZIDs through one registry for the whole process, filled by an earlier upload. Python icalendar cannot build that ' +
    'definition (its issue #321), so there is nothing to compare with. The export keeps what Radicale served; Cyrus serves the item as uploaded.',
  'export-ics icalendar/empty_RDATE.ics':
    'Python icalendar 4.0 cannot read the served item ("RDATE:" with no value), so there is nothing to compare with. Lifeboat keeps and exports it as served.',
  'export-ics icalendar/issue_27_multiple_periods_in_freebusy_one_freebusy.ics':
    'Python icalendar 4.0 cannot read the served VFREEBUSY (several periods in one FREEBUSY value, which RFC 5545 §3.8.2.6 allows), so there is nothing to compare with.',
  'export-ics libical/smallcluster.ics':
    'The served object is a calendar inside a calendar (libical\'s own test of that error): the export appends it exactly as served after the joined calendar, and no parser reads it, so there is nothing to compare with.',
  'export-ics icalendar/issue_321_assert_dst_offset_is_not_false.ics':
    "The item's VTIMEZONE has a DAYLIGHT part only. Served, its TZID is Europe/Berlin, which icalendar 4.0 takes from its own tz database; " +
    'in the collection\'s .ics it is renamed "Europe/Berlin (3)" (three objects define Europe/Berlin differently), so icalendar must build it ' +
    'from the VTIMEZONE and fails with the AssertionError of its own issue #321. The same item exported alone reads back equal.',
  'export-ics ical4android/dst-only-vtimezone.ics':
    'The item\'s VTIMEZONE Europe/Berlin has a DAYLIGHT part only (from 2018). Served, icalendar 4.0 takes the name from its own tz ' +
    'database; in an .ics that also holds a full Europe/Berlin it is renamed "Europe/Berlin (2)", so icalendar must build the zone from ' +
    'the VTIMEZONE and fails (AssertionError, its issue #321). The export keeps the VTIMEZONE and the event as served.',
  'export-ics ical4j/dst-only-vtimezone.ics':
    'The item\'s VTIMEZONE Europe/Berlin has one observance part only. Served, icalendar 4.0 takes the name from its own tz ' +
    'database; in the one .ics of every calendar (the popup\'s export) it is renamed "Europe/Berlin (2)" beside a full definition, a real conflict, so ' +
    'icalendar must build the zone from the VTIMEZONE and cannot read the component (its issue #321). The export keeps VTIMEZONE and item as served.',
  'export-ics ical4android/vjournal_dst-only-vtimezone.ics':
    'The item\'s VTIMEZONE Europe/Berlin has one observance part only. Served, icalendar 4.0 takes the name from its own tz ' +
    'database; in the one .ics of every calendar (the popup\'s export) it is renamed "Europe/Berlin (2)" beside a full definition, a real conflict, so ' +
    'icalendar must build the zone from the VTIMEZONE and cannot read the component (its issue #321). The export keeps VTIMEZONE and item as served.',
  'export-ics icalendar/issue_1081_tzid_param.ics':
    'The item\'s VTIMEZONE America/New_York has one observance part only. Served, icalendar 4.0 takes the name from its own tz ' +
    'database; in the one .ics of every calendar (the popup\'s export) it is renamed "America/New_York (2)" beside a full definition, a real conflict, so ' +
    'icalendar must build the zone from the VTIMEZONE and cannot read the component (its issue #321). The export keeps VTIMEZONE and item as served.',
  // Found by the browser drill on Cyrus, which stores what Radicale refuses or rewrites: the
  // judge's parser cannot read the served item itself, so there is nothing to compare with.
  'export-3.0 ez-vcard/John_Doe_LOTUS_NOTES.vcf':
    'vobject 0.9.6 refuses the served card ("This component already has a PROFILE or uses BEGIN"): Lotus Notes writes a PROFILE:VCARD line.',
  'export-served ez-vcard/John_Doe_LOTUS_NOTES.vcf':
    'vobject 0.9.6 refuses the served card ("This component already has a PROFILE or uses BEGIN"): Lotus Notes writes a PROFILE:VCARD line.',
  'export-3.0 kcontacts/vcard_legacy_messaging_fields.vcf':
    'vobject 0.9.6 refuses the served card: the property name "X-messaging/twitter-All" holds a "/", which RFC 6350 §3.3 does not allow in a name.',
  'export-served kcontacts/vcard_legacy_messaging_fields.vcf':
    'vobject 0.9.6 refuses the served card: the property name "X-messaging/twitter-All" holds a "/", which RFC 6350 §3.3 does not allow in a name.',
  'export-ics ical4j/evolution2.ics':
    "Python icalendar 4.0 refuses the served item: a VTIMEZONE observance's DTSTART is a DATE (RFC 5545 §3.6.5 wants a local DATE-TIME).",
  'export-ics icalendar/issue_1633_freebusy_with_dates.ics':
    'Python icalendar 4.0 cannot read the served item (a VFREEBUSY with DATE values: "\'datetime.date\' object has no attribute \'tzinfo\'").',
};

const OK = new Set(['exact', 'equal', 'converted-equal']);

/** The reason a judgement is accepted although it is not equal, if it is listed. */
export function acceptedBecause(j: Judgement): string | undefined {
  return KNOWN_DIFFERENCES[`${j.mode} ${j.id}`];
}

/** Judgements that are neither equal nor listed: the test fails on each. */
export function failures(judgements: Judgement[], mode: string): Judgement[] {
  return judgements.filter((j) => j.mode === mode && !OK.has(j.status) && acceptedBecause(j) === undefined);
}
