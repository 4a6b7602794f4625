// Checks one calendar object resource and derives its listing fields. Never throws.
// A calendar object (RFC 4791 §4.1) is one VCALENDAR whose events, tasks or journal entries all
// share one UID, all of one type: a master plus RECURRENCE-ID overrides, and the VTIMEZONEs used.
import type ICAL from 'ical.js';
import type { CalendarFields } from './calendar-fields';
import { KIND_OF_COMPONENT } from './calendar-fields';
import { deriveEventFields } from './derive-event-fields';
import { objectZones } from './object-zones';
import { parseComponent } from './parse-component';
import { unreadableRule } from './check-rules';
import { readCalendarObject, type ObjectPart } from './read-calendar-object';

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

/** Parses the checked lines with ical.js: the vcalendar component, or a reason. */
function parseWithIcal(text: string): ICAL.Component | string {
  try {
    return parseComponent(text);
  } catch (e) {
    // ical.js quotes the offending line, which can be a long ATTACH: keep the start.
    const message = e instanceof Error ? e.message : 'unknown error';
    const detail = message.length > 80 ? `${message.slice(0, 79)}…` : message;
    return `The calendar parser could not read it (${detail}).`;
  }
}

export function checkCalendarObject(raw: string): CalendarCheck {
  const read = readCalendarObject(raw);
  if (!read.ok) return read;
  const mains = read.object.parts.filter((p) => KIND_OF_COMPONENT[p.name] !== undefined);
  const broken = objectRuleBroken(mains) ?? unreadableRule(read.object);
  if (broken !== null) return fail(broken);
  // ical.js reads the unfolded lines the check accepted, so both see the same text (it would
  // otherwise trip over a bare CR or a blank line that the check skips).
  const parsed = parseWithIcal(read.object.lines.map((l) => l.text).join('\r\n'));
  if (typeof parsed === 'string') return fail(parsed);
  try {
    const name = (mains[0]?.name ?? 'VEVENT').toLowerCase();
    const all = parsed.getAllSubcomponents(name);
    // The master carries the series (§3.8.4.4); an object the server holds only because the
    // person was invited to one instance has overrides alone: show the first of them.
    const master = all.find((c) => !c.hasProperty('recurrence-id')) ?? all[0];
    if (master === undefined) return fail('The calendar item holds no event, task or journal entry.');
    return { ok: true, fields: deriveEventFields(master, objectZones(parsed)) };
  } catch {
    return fail('The calendar item could not be read.');
  }
}
