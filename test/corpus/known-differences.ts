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
