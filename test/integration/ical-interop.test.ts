// Independent parsers read our .ics export: Python's icalendar and vobject (Debian packages,
// importable only by /usr/bin/python3). The script raises on what either cannot parse (vobject
// validates and expands each RRULE), so a broken export fails here, which the control case
// below proves.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportIcs } from '../../src/exporters/ical-export';
import { calendarReader } from '../../src/sync/readers/calendar-reader';
import { loadFixtures } from '../unit/calendar-helpers';

// Prints, as JSON, what each library read: the calendar name, each component's name, UID and
// DTSTART (ISO 8601, with the offset the library computed from the VTIMEZONE).
const READ_WITH_PYTHON = `
import json, sys, icalendar, vobject
with open(sys.argv[1], encoding='utf-8', newline='') as f:
    text = f.read()
cals = icalendar.Calendar.from_ical(text, multiple=True)
assert len(cals) == 1, f'icalendar read {len(cals)} calendars'
cal = cals[0]
errors = [f'{c.name}: {c.errors}' for c in cal.walk() if c.errors]
assert not errors, errors
items = [c for c in cal.subcomponents if c.name != 'VTIMEZONE']
vcals = list(vobject.readComponents(text, validate=True))
assert len(vcals) == 1, f'vobject read {len(vcals)} calendars'
vitems = [c for c in vcals[0].getChildren() if isinstance(c, vobject.base.Component) and c.name != 'VTIMEZONE']
for c in vitems:
    if hasattr(c, 'rrule'):
        c.getrruleset(addRDate=True)
print(json.dumps({
    'calname': str(cal.get('X-WR-CALNAME')),
    'timezones': [str(c.get('TZID')) for c in cal.walk('VTIMEZONE')],
    'icalendar': [[c.name, str(c.get('UID')), c.decoded('DTSTART').isoformat() if 'DTSTART' in c else None] for c in items],
    'vobject': sorted([[c.name, c.uid.value, c.dtstart.value.isoformat() if hasattr(c, 'dtstart') else None] for c in vitems]),
}))
`;

type Row = [name: string, uid: string, start: string | null];

interface PythonReading {
  status: number | null;
  stderr: string;
  calname?: string;
  timezones?: string[];
  icalendar?: Row[];
  vobject?: Row[];
}

const dir = mkdtempSync(join(tmpdir(), 'lifeboat-ics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readWithPython(text: string, name: string): PythonReading {
  const file = join(dir, name);
  writeFileSync(file, text, 'utf8');
  const run = spawnSync('/usr/bin/python3', ['-c', READ_WITH_PYTHON, file], { encoding: 'utf8', timeout: 60_000 });
  const parsed = run.status === 0 ? (JSON.parse(run.stdout) as Omit<PythonReading, 'status' | 'stderr'>) : {};
  return { status: run.status, stderr: run.stderr, ...parsed };
}

/** Python writes UTC as +00:00 where we write Z. */
const normal = (iso: string | null | undefined) => iso?.replace(/Z$/, '+00:00') ?? null;

describe('Python icalendar and vobject read the .ics export', () => {
  const fixtures = loadFixtures();
  const good = fixtures.filter((f) => f.valid && f.components > 0);

  it('of every good fixture: every component, the UIDs, one VTIMEZONE per TZID, the same start times', () => {
    const { text, skipped } = exportIcs(good.map((f) => f.raw), { calendarName: 'Lifeboat; export, 2024' });
    expect(skipped).toEqual([]);
    const read = readWithPython(text, 'good.ics');
    expect(read.stderr).not.toContain('Traceback');
    expect(read.status).toBe(0);
    const total = good.reduce((n, f) => n + f.components, 0);
    expect(read.icalendar).toHaveLength(total);
    expect(read.vobject).toHaveLength(total);
    expect(read.calname).toBe('Lifeboat; export, 2024');
    expect(new Set(read.timezones).size).toBe(read.timezones?.length);
    expect(read.timezones).toEqual(expect.arrayContaining(['Europe/Berlin', 'America/New_York', 'W. Europe Standard Time']));
    const uids = read.icalendar?.map(([, uid]) => uid);
    expect(uids?.filter((u) => u === 'standup-7f3a@example.com')).toHaveLength(3); // master + 2 overrides
    expect(uids).toEqual(expect.arrayContaining(['kaigi@example.jp', 'todo-taxes@example.com', 'journal-1@example.com']));
    expect(read.icalendar?.filter(([name]) => name === 'VTODO')).toHaveLength(2);
    // Our start times agree with both libraries' (computed from the same VTIMEZONEs), except
    // where RFC 5545 §3.3.5 decides and the libraries differ from it and from each other (the
    // skipped and the repeated hour), and for a TZID neither library can resolve.
    const disputed = new Set(['dst-gap', 'dst-overlap', 'tzid-mozilla-path']);
    for (const f of good.filter((g) => !disputed.has(g.name) && g.fields?.start)) {
      const reading = calendarReader.read(f.raw);
      const ours = reading.ok ? normal(reading.fields.start) : 'unreadable';
      const uid = f.fields?.uid;
      expect([f.name, read.icalendar?.find(([, u]) => u === uid)?.[2]]).toEqual([f.name, ours]);
      expect([f.name, read.vobject?.find(([, u]) => u === uid)?.[2]]).toEqual([f.name, ours]);
    }
  });

  it('of every fixture, malformed ones included: what the exporter kept', () => {
    const { text, skipped } = exportIcs(fixtures.map((f) => f.raw));
    expect(skipped.map((s) => fixtures[s.index]?.name)).toEqual(fixtures.filter((f) => f.components === 0).map((f) => f.name));
    const read = readWithPython(text, 'all.ics');
    expect(read.status).toBe(0);
    expect(read.icalendar).toHaveLength(fixtures.reduce((n, f) => n + f.components, 0));
  });

  it('with a time zone kept twice under two TZIDs: each event where its own object put it', () => {
    const berlin = fixtures.find((f) => f.name === 'dst-gap')?.raw ?? '';
    const vtimezone = berlin.slice(berlin.indexOf('BEGIN:VTIMEZONE'), berlin.indexOf('BEGIN:VEVENT'));
    const fixed = 'BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\nDTSTART:19700101T000000\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n';
    const summer = fixtures.find((f) => f.name === 'alarm-attendees')?.raw ?? '';
    const objects = [summer, summer.replace(vtimezone, fixed).replace(/planning-2024q3/g, 'fixed-offset')];
    const { text } = exportIcs(objects);
    expect(text).toContain('TZID=Europe/Berlin (2):');
    const read = readWithPython(text, 'renamed.ics');
    expect(read.status).toBe(0);
    expect(read.timezones).toEqual(['Europe/Berlin', 'Europe/Berlin (2)']);
    expect(read.icalendar?.map(([, uid, start]) => [uid, start])).toEqual([
      ['planning-2024q3@example.com', '2024-07-04T10:00:00+02:00'],
      ['fixed-offset@example.com', '2024-07-04T10:00:00+01:00'],
    ]);
  });

  it('and fails on a file that is not valid, so the checks above mean something', () => {
    const { text } = exportIcs([fixtures.find((f) => f.name === 'recurring-dst-overrides')?.raw ?? '']);
    expect(readWithPython(text, 'control-ok.ics').status).toBe(0);
    expect(readWithPython(text.replace('END:VEVENT\r\n', ''), 'unbalanced.ics').status).not.toBe(0);
    expect(readWithPython(text.replace('SEQUENCE:1\r\n', 'SEQUENCE:1\r\nno colon here\r\n'), 'bad-line.ics').status).not.toBe(0);
    expect(readWithPython(text.replace('COUNT=6', 'COUNT=6;FREQ=SOMETIMES'), 'bad-rule.ics').status).not.toBe(0);
  });
});
