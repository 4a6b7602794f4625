// Checks one calendar object resource and derives its listing fields. Never throws.
// A calendar object (RFC 4791 §4.1) is one VCALENDAR whose events, tasks or journal entries all
// share one UID, all of one type: a master plus RECURRENCE-ID overrides, and the VTIMEZONEs used.
//
// Only what makes the text no calendar object at all is refused (it does not nest, it is no
// iCalendar, it holds several entries). Anything else is read leniently: the item is stored and
// exported as served, and fields that cannot be derived are left out and flagged (`degraded`),
// never a reason to lose the item.
import type ICAL from 'ical.js';
import type { CalendarDegraded, CalendarFields } from './calendar-fields';
import { KIND_OF_COMPONENT } from './calendar-fields';
import { deriveEventFields } from './derive-event-fields';
import { fieldsFromLines } from './fields-from-lines';
import { objectZones } from './object-zones';
import { parseComponent } from './parse-component';
import { ruleReadings } from './check-rules';
import { readCalendarObject, type CalendarObject, type ObjectPart } from './read-calendar-object';

export type CalendarCheck = { ok: true; fields: CalendarFields } | { ok: false; reason: string };

function fail(reason: string): CalendarCheck {
  return { ok: false, reason };
}

/** The §4.1 rules on the main components, as a reason, or null when they hold. */
function objectRuleBroken(mains: readonly ObjectPart[]): string | null {
  if (mains.length === 0) return 'The calendar item holds no event, task or journal entry.';
  if (new Set(mains.map((p) => p.name)).size > 1) {
    return 'The calendar item mixes events, tasks or journal entries; a calendar item holds one kind.';
  }
  const uids = new Set(mains.map((p) => p.uid ?? ''));
  if (uids.size > 1) {
    return `The calendar item holds ${uids.size} different entries (different UIDs); a calendar item holds one, with its exceptions.`;
  }
  return null;
}

/**
 * The unfolded lines ical.js is given (so both see the same text: it would otherwise trip over a
 * bare CR or a blank line that the check skips), each rule line as it is best read, and rule
 * lines that no reading makes sense of left out, with a flag.
 */
function linesForIcal(object: CalendarObject): { text: string; ruleDropped: boolean; rruleDropped: boolean } {
  const texts = object.lines.map((l) => l.text as string | null);
  let ruleDropped = false;
  let rruleDropped = false;
  for (const rule of ruleReadings(object)) {
    texts[rule.index] = rule.readable;
    ruleDropped ||= rule.readable === null;
    rruleDropped ||= rule.readable === null && object.lines[rule.index]?.line.name === 'RRULE';
  }
  return { text: texts.filter((t) => t !== null).join('\r\n'), ruleDropped, rruleDropped };
}

function deriveWithIcal(parsed: ICAL.Component, mainName: string): { fields: CalendarFields; tooComplex: boolean } | null {
  const all = parsed.getAllSubcomponents(mainName.toLowerCase());
  // The master carries the series (§3.8.4.4); an object the server holds only because the
  // person was invited to one instance has overrides alone: show the first of them.
  const master = all.find((c) => !c.hasProperty('recurrence-id')) ?? all[0];
  if (master === undefined) return null;
  let tooComplex = false;
  const fields = deriveEventFields(master, objectZones(parsed, () => (tooComplex = true)));
  return { fields, tooComplex };
}

export function checkCalendarObject(raw: string): CalendarCheck {
  const read = readCalendarObject(raw);
  if (!read.ok) return read;
  const { object } = read;
  const mains = object.parts.filter((p) => KIND_OF_COMPONENT[p.name] !== undefined);
  const broken = objectRuleBroken(mains);
  if (broken !== null) return fail(broken);
  const mainName = mains[0]?.name ?? 'VEVENT';
  const { text, ruleDropped, rruleDropped } = linesForIcal(object);
  let derived: ReturnType<typeof deriveWithIcal>;
  try {
    derived = deriveWithIcal(parseComponent(text), mainName);
  } catch {
    derived = null;
  }
  if (derived === null) return { ok: true, fields: { ...fieldsFromLines(object, mainName), degraded: 'parser-refused' } };
  const degraded: CalendarDegraded | null = derived.tooComplex ? 'timezone-too-complex' : ruleDropped ? 'repeat-rule-unreadable' : null;
  // A series whose rule cannot be read is still a series: shown as recurring, not expanded.
  const fields = rruleDropped ? { ...derived.fields, recurring: true } : derived.fields;
  return { ok: true, fields: degraded === null ? fields : { ...fields, degraded } };
}
