// Whether an imported item says the same as one the mirror holds. Not byte equality: an item
// that went out in an export and comes back is re-wrapped (one .ics holds every event with
// each VTIMEZONE once, RFC 5545 §3.4, and is cut back into objects by split-calendar.ts),
// and line folding and line breaks may change on the way (RFC 5545 §3.1, RFC 6350 §3.2)
// without changing a single value. What is compared: the unfolded content lines, and for a
// calendar object only its own components (VEVENT, VTODO, VJOURNAL and what they contain),
// not the VCALENDAR wrapper or the time zone definitions it carries.
import type { CollectionKind } from '../model/source';

const OWN_COMPONENTS = /^(BEGIN|END):(VEVENT|VTODO|VJOURNAL)$/i;

function contentLines(raw: string): string[] {
  return raw
    .replace(/\r\n|\r/g, '\n')
    .replace(/\n[ \t]/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '');
}

function componentLines(lines: string[]): string[] {
  const kept: string[] = [];
  let depth = 0;
  for (const line of lines) {
    const edge = OWN_COMPONENTS.exec(line);
    if (edge?.[1]?.toUpperCase() === 'BEGIN') depth++;
    if (depth > 0) kept.push(line);
    if (edge?.[1]?.toUpperCase() === 'END') depth = Math.max(0, depth - 1);
  }
  return kept;
}

/** A key equal for two texts exactly when they carry the same content lines. */
export function contentKey(kind: CollectionKind, raw: string): string {
  const lines = contentLines(raw);
  return (kind === 'calendar' ? componentLines(lines) : lines).join('\n');
}
