// Recurrence rules are the one kind of value ical.js reads eagerly: a rule it cannot read makes
// the whole calendar unreadable to it (and so to Thunderbird), not only that property. The
// reader reads around such a rule (the item is kept and flagged); the exporter names the line.
//
// Some servers keep a rule TEXT-escaped, "RRULE:FREQ=DAILY\;COUNT=10" (Radicale stores some
// uploads so). A RECUR value has no escapes (RFC 5545 §3.3.10), but the meaning is plain, and
// Python's icalendar reads it: such a rule is read with the escapes removed, and the text kept.
import { parseComponent } from './parse-component';
import { paramValue } from './content-line';
import type { CalendarObject } from './read-calendar-object';

// Every object repeats its VTIMEZONE's two RRULEs: each distinct rule is parsed once (the
// answer for a rule text never changes; the cap only bounds memory).
const verdicts = new Map<string, string | null>();

/** ical.js's complaint about one recur line, or null when it reads it. */
function complaint(text: string): string | null {
  let verdict = verdicts.get(text);
  if (verdict !== undefined) return verdict;
  try {
    // Parsed exactly as ical.js parses it inside a component (RFC 5545 §3.3.10 grammar).
    parseComponent(`BEGIN:VEVENT\r\n${text}\r\nEND:VEVENT`);
    verdict = null;
  } catch (e) {
    const message = e instanceof Error ? e.message : 'unknown error';
    verdict = message.length > 60 ? `${message.slice(0, 59)}…` : message;
  }
  if (verdicts.size > 1000) verdicts.clear();
  verdicts.set(text, verdict);
  return verdict;
}

/** The line with TEXT escapes (§3.3.11) removed from its value: "\;" → ";", "\," → ",". */
function unescaped(text: string): string {
  const colon = text.indexOf(':');
  return text.slice(0, colon + 1) + text.slice(colon + 1).replace(/\\([\\;,])/g, '$1');
}

/** One RRULE, EXRULE or VALUE=RECUR line as it is best read. */
export interface RuleReading {
  /** Index in `object.lines`. */
  index: number;
  /** The text ical.js reads: as served, or with TEXT escapes removed; null when neither reads. */
  readable: string | null;
  /** ical.js's complaint about the text as served, when it has one. */
  complaint: string | null;
}

/** The object's rule lines that ical.js does not read as served. */
export function ruleReadings(object: CalendarObject): RuleReading[] {
  const out: RuleReading[] = [];
  object.lines.forEach(({ line, text }, index) => {
    const recur = line.name === 'RRULE' || line.name === 'EXRULE' || paramValue(line, 'VALUE')?.toUpperCase() === 'RECUR';
    const detail = recur ? complaint(text) : null;
    if (detail === null) return;
    const repaired = unescaped(text);
    out.push({ index, readable: repaired !== text && complaint(repaired) === null ? repaired : null, complaint: detail });
  });
  return out;
}

/** A short sentence naming the first rule line no reading makes sense of, or null. */
export function unreadableRule(object: CalendarObject): string | null {
  const bad = ruleReadings(object).find((r) => r.readable === null);
  if (bad === undefined) return null;
  const first = object.lines[bad.index]?.first ?? 0;
  return `The repeat rule on line ${first + 1} cannot be read (${bad.complaint ?? 'unknown error'}).`;
}
