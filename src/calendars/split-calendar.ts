// An .ics file is one VCALENDAR holding every event, task and journal entry (RFC 5545 §3.4);
// the mirror, like a CalDAV server (RFC 4791 §4.1), holds one calendar object per UID: the
// master and its overrides together, with the VTIMEZONEs they refer to. This cuts a file into
// such objects, each component's lines exactly as written. Imports, calendar feeds and the
// history view all cut calendars here.
//
// BEGIN and END are read from unfolded content lines only (RFC 5545 §3.1: "unfolded before any
// other processing"): a folded continuation that happens to start with "end:" (a fold inside
// "week|end: …") is part of the line before it, not the end of a component.

import { foldedLines, type FoldedLine } from '../shared/unfold-content-lines';
import type { SplitResult } from '../model/split-result';

interface Block {
  name: string;
  lines: FoldedLine[];
}

const WHOLE_OBJECT_PARTS = new Set(['VEVENT', 'VTODO', 'VJOURNAL']);
/** Calendar properties that a stored calendar object keeps; METHOD is forbidden there (RFC 4791 §4.1). */
const KEPT_CALENDAR_PROPERTIES = new Set(['VERSION', 'PRODID', 'CALSCALE']);

function propertyName(line: string): string {
  return (/^[A-Za-z0-9-]+/.exec(line)?.[0] ?? '').toUpperCase();
}

function valueOf(line: string): string {
  const colon = line.indexOf(':');
  return colon < 0 ? '' : line.slice(colon + 1).trim();
}

/** "BEGIN" or "END" with the component it names (upper case), or null for any other line. */
function marker(line: string): { begin: boolean; name: string } | null {
  const name = propertyName(line);
  if ((name !== 'BEGIN' && name !== 'END') || line.charCodeAt(name.length) !== 0x3a) return null;
  return { begin: name === 'BEGIN', name: valueOf(line).toUpperCase() };
}

function tzidsUsed(block: Block): Set<string> {
  const used = new Set<string>();
  for (const { text } of block.lines) {
    for (const match of text.matchAll(/;TZID=("([^"]*)"|[^;:]*)/gi)) used.add(match[2] ?? match[1] ?? '');
  }
  return used;
}

interface Calendar {
  properties: FoldedLine[];
  blocks: Block[];
}

/** The VCALENDARs of a file (some tools concatenate several), with their direct children. */
function readCalendars(text: string, problems: string[]): Calendar[] {
  const calendars: Calendar[] = [];
  let calendar: Calendar | null = null;
  let block: Block | null = null;
  const open: string[] = [];
  for (const line of foldedLines(text)) {
    const m = marker(line.text);
    if (m?.begin === true) {
      open.push(m.name);
      if (open.length === 1) {
        calendar = { properties: [], blocks: [] };
        continue;
      }
      if (open.length === 2) block = { name: m.name, lines: [] };
    }
    if (block) block.lines.push(line);
    else if (calendar && open.length === 1 && m === null && KEPT_CALENDAR_PROPERTIES.has(propertyName(line.text))) calendar.properties.push(line);
    if (m?.begin !== false) continue;
    // An END closes the innermost open component of that name; a stray one closes nothing.
    const at = open.lastIndexOf(m.name);
    if (at < 0) {
      problems.push(`A stray END:${m.name.slice(0, 40)} line was ignored`);
      continue;
    }
    if (at !== open.length - 1) problems.push(`END:${m.name.slice(0, 40)} came before the end of what it holds; the file was read as if those were closed`);
    open.length = at;
    if (open.length === 1 && block) {
      calendar?.blocks.push(block);
      block = null;
    }
    if (open.length === 0 && calendar) {
      calendars.push(calendar);
      calendar = null;
    }
  }
  if (calendar || block) problems.push('The file ends inside a calendar (a missing END line): its last part was not imported');
  return calendars;
}

function physical(blocks: readonly Block[]): string[] {
  return blocks.flatMap((b) => b.lines.flatMap((l) => l.physical));
}

/** Each UID's object from one VCALENDAR: its components with the VTIMEZONEs they name. */
function objectsOf(calendar: Calendar): string[] {
  const zones = new Map<string, Block>();
  const objects = new Map<string, Block[]>();
  let anonymous = 0;
  for (const block of calendar.blocks) {
    if (block.name === 'VTIMEZONE') {
      const tzid = block.lines.find((l) => propertyName(l.text) === 'TZID');
      if (tzid) zones.set(valueOf(tzid.text), block);
    } else if (WHOLE_OBJECT_PARTS.has(block.name)) {
      // Only the component's own UID, not a VALARM's (RFC 9074 gives alarms one).
      const uidLine = ownLines(block).find((l) => propertyName(l.text) === 'UID');
      const key = uidLine ? `uid:${valueOf(uidLine.text)}` : `none:${anonymous++}`;
      objects.set(key, [...(objects.get(key) ?? []), block]);
    }
  }
  const hasVersion = calendar.properties.some((p) => propertyName(p.text) === 'VERSION');
  const header = [...(hasVersion ? [] : ['VERSION:2.0']), ...calendar.properties.flatMap((p) => p.physical)];
  return [...objects.values()].map((parts) => {
    const tzids = new Set(parts.flatMap((part) => [...tzidsUsed(part)]));
    const zoneBlocks = [...tzids].flatMap((tzid) => (zones.has(tzid) ? [zones.get(tzid)!] : []));
    return ['BEGIN:VCALENDAR', ...header, ...physical([...zoneBlocks, ...parts]), 'END:VCALENDAR'].join('\r\n') + '\r\n';
  });
}

/** The lines of a component outside its sub-components (BEGIN and END lines included). */
function ownLines(block: Block): FoldedLine[] {
  let depth = 0;
  return block.lines.filter((l) => {
    const m = marker(l.text);
    if (m?.begin === true) depth++;
    const own = depth <= 1;
    if (m?.begin === false) depth--;
    return own;
  });
}

export function splitCalendar(text: string): SplitResult {
  const problems: string[] = [];
  const items = readCalendars(text, problems).flatMap(objectsOf);
  if (items.length === 0 && problems.length === 0) problems.push('No event, task or journal entry was found in this file');
  return { items, problems };
}
