// Cuts public sample files into one item each, as a CardDAV/CalDAV server holds them: one
// VCARD per .vcf (RFC 6352 §5.1), one UID per .ics (RFC 4791 §4.1: a calendar object resource
// holds the components of one UID, with the VTIMEZONEs they need). A file that already is one
// item is copied byte for byte; otherwise the item keeps the original's physical lines (folds,
// line ends, BOM-less) and, for calendars, the VCALENDAR's own properties and every VTIMEZONE.
//
//   npx tsx test/corpus/split-items.ts [--max-per-file N] <out-dir> <file>...
//
// --max-per-file keeps the first N items of a file (a holiday feed of 400 events adds nothing
// the first few do not). Prints one JSON line per input: its items, how many were left out, and
// why nothing came out of it if so.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';

interface Block {
  name: string;
  lines: string[];
}

/** Physical lines with their own line ends, so what is copied stays byte-identical. */
function physicalLines(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\n|\r|$)/g)?.filter((l) => l !== '') ?? [];
}

/** The logical line a physical line starts (continuations start with a space or tab). */
const isContinuation = (line: string): boolean => line.startsWith(' ') || line.startsWith('\t');
const head = (line: string): string => line.replace(/[\r\n]+$/, '').trim().toUpperCase();

/** Top-level BEGIN:name … END:name blocks, nesting respected (vCard 2.1 AGENT nests cards). */
function topBlocks(lines: string[], name: string): Block[] {
  const blocks: Block[] = [];
  let current: string[] | undefined;
  let depth = 0;
  for (const line of lines) {
    const h = head(line);
    if (current === undefined) {
      if (h === `BEGIN:${name}`) {
        current = [line];
        depth = 1;
      }
      continue;
    }
    current.push(line);
    if (isContinuation(line)) continue;
    if (h === `BEGIN:${name}`) depth++;
    if (h === `END:${name}`) depth--;
    if (depth === 0) {
      blocks.push({ name, lines: current });
      current = undefined;
    }
  }
  return blocks;
}

/** The direct children of a VCALENDAR: its own property lines and its components. */
function calendarParts(calendar: Block): { properties: string[]; components: Block[] } {
  const properties: string[] = [];
  const components: Block[] = [];
  const inner = calendar.lines.slice(1, -1);
  let current: Block | undefined;
  let depth = 0;
  for (const line of inner) {
    const h = head(line);
    if (current === undefined) {
      if (!isContinuation(line) && h.startsWith('BEGIN:')) {
        current = { name: h.slice(6), lines: [line] };
        depth = 1;
      } else {
        properties.push(line);
      }
      continue;
    }
    current.lines.push(line);
    if (isContinuation(line)) continue;
    if (h.startsWith('BEGIN:')) depth++;
    if (h.startsWith('END:')) depth--;
    if (depth === 0) {
      components.push(current);
      current = undefined;
    }
  }
  return { properties, components };
}

/** A component's own UID (not one of a nested VALARM), unfolded. */
function uidOf(component: Block): string | undefined {
  let depth = 0;
  for (let i = 0; i < component.lines.length; i++) {
    const line = component.lines[i] ?? '';
    const h = head(line);
    if (h.startsWith('BEGIN:')) depth++;
    if (h.startsWith('END:')) depth--;
    if (depth === 1 && /^UID[;:]/i.test(line)) {
      let value = line.replace(/[\r\n]+$/, '');
      for (let j = i + 1; isContinuation(component.lines[j] ?? ''); j++) value += (component.lines[j] ?? '').replace(/[\r\n]+$/, '').slice(1);
      return value.slice(value.indexOf(':') + 1);
    }
  }
  return undefined;
}

function splitCalendar(text: string): string[] {
  const lines = physicalLines(text);
  const calendars = topBlocks(lines, 'VCALENDAR');
  const items: string[] = [];
  for (const calendar of calendars) {
    const { properties, components } = calendarParts(calendar);
    const zones = components.filter((c) => c.name === 'VTIMEZONE');
    const groups = new Map<string, Block[]>();
    let anonymous = 0;
    for (const component of components) {
      if (component.name === 'VTIMEZONE') continue;
      // A component without UID is invalid (RFC 5545 §3.6.1); it stays an item of its own, for
      // the server to take or refuse.
      const key = uidOf(component) ?? `\u0000no-uid-${anonymous++}`;
      groups.set(key, [...(groups.get(key) ?? []), component]);
    }
    for (const group of groups.values()) {
      const body = [...zones, ...group].flatMap((c) => c.lines);
      items.push([calendar.lines[0], ...properties, ...body, calendar.lines[calendar.lines.length - 1]].join(''));
    }
  }
  // Already one item: the file itself, byte for byte (whatever lies outside VCALENDAR too).
  if (calendars.length === 1 && items.length === 1) return [text];
  return items;
}

function splitCards(text: string): string[] {
  const cards = topBlocks(physicalLines(text), 'VCARD');
  if (cards.length === 1) return [text];
  return cards.map((c) => c.lines.join(''));
}

function main(): void {
  const args = process.argv.slice(2);
  let max = Number.POSITIVE_INFINITY;
  if (args[0] === '--max-per-file') {
    max = Number(args[1]);
    args.splice(0, 2);
  }
  const [outDir, ...files] = args;
  if (outDir === undefined || files.length === 0) throw new Error('usage: split-items.ts <out-dir> <file>...');
  mkdirSync(outDir, { recursive: true });
  for (const file of files) {
    const ext = extname(file).toLowerCase();
    const text = readFileSync(file, 'utf8');
    const all = ext === '.vcf' ? splitCards(text) : splitCalendar(text);
    const items = all.slice(0, max);
    const stem = basename(file, extname(file));
    const names = items.map((_, i) => (items.length === 1 ? `${stem}${ext}` : `${stem}-${String(i + 1).padStart(2, '0')}${ext}`));
    items.forEach((item, i) => writeFileSync(join(outDir, names[i] ?? ''), item, 'utf8'));
    const why = items.length === 0 ? (ext === '.vcf' ? 'no VCARD' : 'no component but VTIMEZONE') : undefined;
    const leftOut = all.length - items.length;
    console.log(JSON.stringify({ file, items: names, ...(leftOut > 0 ? { leftOut } : {}), ...(why ? { why } : {}) }));
  }
}

main();
