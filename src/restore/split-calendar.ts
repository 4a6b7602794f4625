// An .ics file is one VCALENDAR holding every event, task and journal entry (RFC 5545 §3.4);
// the mirror, like a CalDAV server (RFC 4791 §4.1), holds one calendar object per UID: the
// master and its overrides together, with the VTIMEZONEs they refer to. This cuts a file into
// such objects, each component's lines exactly as written.

import type { SplitResult } from './split-vcards';

interface Block {
  name: string;
  lines: string[];
}

const LINE = /\r\n|\n|\r/;
const WHOLE_OBJECT_PARTS = new Set(['VEVENT', 'VTODO', 'VJOURNAL']);
/** Calendar properties that a stored calendar object keeps; METHOD is forbidden there (RFC 4791 §4.1). */
const KEPT_CALENDAR_PROPERTIES = new Set(['VERSION', 'PRODID', 'CALSCALE']);

/** Folded physical lines joined into content lines (RFC 5545 §3.1), only to read names and values. */
function unfold(lines: string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && out.length > 0) out[out.length - 1] += line.slice(1);
    else out.push(line);
  }
  return out;
}

function propertyName(line: string): string {
  return (/^[A-Za-z0-9-]+/.exec(line)?.[0] ?? '').toUpperCase();
}

function valueOf(line: string): string {
  const colon = line.indexOf(':');
  return colon < 0 ? '' : line.slice(colon + 1).trim();
}

function tzidsUsed(block: Block): Set<string> {
  const used = new Set<string>();
  for (const line of unfold(block.lines)) {
    for (const match of line.matchAll(/;TZID=("([^"]*)"|[^;:]*)/gi)) used.add(match[2] ?? match[1] ?? '');
  }
  return used;
}

interface Calendar {
  properties: string[];
  blocks: Block[];
}

/** The VCALENDARs of a file (some tools concatenate several), with their direct children. */
function readCalendars(text: string, problems: string[]): Calendar[] {
  const calendars: Calendar[] = [];
  let calendar: Calendar | null = null;
  let block: Block | null = null;
  let depth = 0;
  for (const line of text.replace(/^\uFEFF/, '').split(LINE)) {
    const upper = line.trim().toUpperCase();
    if (upper === '') continue;
    if (upper.startsWith('BEGIN:')) {
      depth++;
      if (depth === 1) {
        calendar = { properties: [], blocks: [] };
        continue;
      }
      if (depth === 2) block = { name: upper.slice(6), lines: [] };
    }
    if (block) block.lines.push(line);
    else if (calendar && depth === 1 && !line.startsWith(' ') && !line.startsWith('\t') && KEPT_CALENDAR_PROPERTIES.has(propertyName(line))) calendar.properties.push(line);
    if (upper.startsWith('END:')) {
      depth--;
      if (depth === 1 && block) {
        calendar?.blocks.push(block);
        block = null;
      }
      if (depth === 0 && calendar) {
        calendars.push(calendar);
        calendar = null;
      }
      if (depth < 0) depth = 0;
    }
  }
  if (calendar || block) problems.push('The file ends inside a calendar (a missing END line): its last part was not imported');
  return calendars;
}

export function splitCalendar(text: string): SplitResult {
  const problems: string[] = [];
  const items: string[] = [];
  for (const calendar of readCalendars(text, problems)) {
    const zones = new Map<string, Block>();
    const objects = new Map<string, Block[]>();
    let anonymous = 0;
    for (const block of calendar.blocks) {
      if (block.name === 'VTIMEZONE') {
        const tzid = unfold(block.lines).find((l) => propertyName(l) === 'TZID');
        if (tzid) zones.set(valueOf(tzid), block);
      } else if (WHOLE_OBJECT_PARTS.has(block.name)) {
        const uidLine = unfold(block.lines).find((l) => propertyName(l) === 'UID');
        const key = uidLine ? `uid:${valueOf(uidLine)}` : `none:${anonymous++}`;
        objects.set(key, [...(objects.get(key) ?? []), block]);
      }
    }
    const header = calendar.properties.some((p) => propertyName(p) === 'VERSION') ? calendar.properties : ['VERSION:2.0', ...calendar.properties];
    for (const parts of objects.values()) {
      const tzids = new Set(parts.flatMap((part) => [...tzidsUsed(part)]));
      const zoneBlocks = [...tzids].flatMap((tzid) => (zones.has(tzid) ? [zones.get(tzid)!] : []));
      const lines = ['BEGIN:VCALENDAR', ...header, ...[...zoneBlocks, ...parts].flatMap((b) => b.lines), 'END:VCALENDAR'];
      items.push(lines.join('\r\n') + '\r\n');
    }
  }
  if (items.length === 0 && problems.length === 0) problems.push('No event, task or journal entry was found in this file');
  return { items, problems };
}
