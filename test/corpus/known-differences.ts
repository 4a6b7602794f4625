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
