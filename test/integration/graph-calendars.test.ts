// A Microsoft account's calendars through the real engine and the Graph calendars source:
// each series with its exceptions and cancellations mirrored as one iCalendar object, read
// back by the engine's own calendar reader. Later runs follow the delta function on the
// calendar's events: a changed series is read whole (its RRULE, RECURRENCE-ID and EXDATE stay
// right), a removed event is kept and marked, an expired delta link (410) is a full compare that
// loses nothing, 429 waits for Retry-After, and without the delta function the calendar is
// listed whole each run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { startGraphServer, type GraphTestServer } from '../harness/graph-server';
import type { GraphEventJson } from '../harness/graph-calendar-routes';
import { freshDb } from '../support/test-db';
import { insertAccount } from '../../src/db/accounts';
import { createGraphCalendarsSource, FULL_COMPARE_EVERY_MS } from '../../src/providers/microsoft/graph-calendars-source';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers';
import type { LifeboatDb } from '../../src/db/schema';

const TOKEN = 'graph-test-token';
const weekly = JSON.parse(readFileSync('test/fixtures/graph/series-weekly-berlin.json', 'utf8')) as { master: GraphEventJson; exceptions: GraphEventJson[] };
const single = (n: number): GraphEventJson => ({ id: `single-${n}`, type: 'singleInstance', subject: `Lunch ${n}`, start: { dateTime: `2025-05-0${n}T11:00:00.0000000`, timeZone: 'UTC' }, end: { dateTime: `2025-05-0${n}T12:00:00.0000000`, timeZone: 'UTC' }, originalStartTimeZone: 'GMT Standard Time' });
const series: GraphEventJson = { ...weekly.master, exceptionOccurrences: weekly.exceptions, cancelledOccurrences: ['OID.AAMkAGI2-series-1.2025-04-15'] };
let graph: GraphTestServer;

beforeAll(async () => {
  graph = await startGraphServer((token) => token === TOKEN, 2);
});
afterAll(() => graph?.stop());

async function microsoftAccount(db: LifeboatDb, id: string) {
  return insertAccount(db, { id, kind: 'microsoft', label: 'Outlook', serverUrl: graph.graphUrl, calendarServerUrl: null, services: ['calendar'], username: '' }, 1);
}

const requests = (pattern: RegExp) => graph.log.filter((line) => pattern.test(line)).length;

describe('calendars from Microsoft Graph', () => {
  it('mirrors each series as one object, then follows delta rounds: changes, removals, 429 and an expired delta link', async () => {
    graph.setCalendar('cal-1', 'Calendar', [series, single(1), single(2), single(3)]);
    const db = freshDb();
    const account = await microsoftAccount(db, 'ms');
    const sleeps: number[] = [];
    let clock = Date.now();
    const source = () =>
      createGraphCalendarsSource({ graphUrl: graph.graphUrl, bearer: { accessToken: TOKEN, renew: () => Promise.resolve(TOKEN) }, now: () => clock }, { retry: { sleep: (ms) => Promise.resolve(void sleeps.push(ms)) } });
    const run = () => syncAccount({ db, source: source(), readers, now: () => clock }, account);

    expect(await run()).toMatchObject({ outcome: 'ok', added: 4 });
    const meeting = await db.items.filter((i) => i.title === 'Team meeting').first();
    expect(meeting).toMatchObject({ recurring: true, start: '2025-03-18T09:00:00+01:00' });
    const events = new ICAL.Component(ICAL.parse(meeting!.raw) as unknown[]).getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    expect(meeting!.raw).toMatch(/EXDATE;TZID=Europe\/Berlin:20250415T090000/);
    expect((await db.collections.toArray())[0]?.syncToken).toMatch(/\/beta\/me\/calendars\/cal-1\/events\/delta\?\$deltatoken=/);

    // Nothing changed: one delta request, no listing, no event read.
    const listings = requests(/ \/v1\.0\/me\/calendars\/cal-1\/events/);
    expect(await run()).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0 });
    expect(requests(/ \/v1\.0\/me\/calendars\/cal-1\/events/)).toBe(listings);
    expect(requests(/ \/v1\.0\/me\/events\//)).toBe(0);

    // Another occurrence cancelled and the exception moved again: the series comes back whole.
    const changedSeries = { ...series, cancelledOccurrences: ['OID.AAMkAGI2-series-1.2025-04-15', 'OID.AAMkAGI2-series-1.2025-04-22'], exceptionOccurrences: [{ ...weekly.exceptions[0]!, subject: 'Team meeting (moved again)' }] };
    graph.setCalendar('cal-1', 'Calendar', [changedSeries, single(1), { ...single(2), subject: 'Lunch moved' }, single(4)]);
    graph.throttle(1);
    expect(await run()).toMatchObject({ outcome: 'ok', added: 1, changed: 2, deletedUpstream: 1 });
    expect(sleeps).toEqual([1000]);
    expect(requests(/^200 \/v1\.0\/me\/events\//)).toBe(3);
    expect(requests(/ \/v1\.0\/me\/calendars\/cal-1\/events/)).toBe(listings);
    const changed = await db.items.filter((i) => i.title === 'Team meeting').first();
    expect(changed!.raw).toMatch(/EXDATE;TZID=Europe\/Berlin:20250415T090000/);
    expect(changed!.raw).toMatch(/EXDATE;TZID=Europe\/Berlin:20250422T090000/);
    expect(changed!.raw).toMatch(/RRULE:FREQ=WEEKLY;[^\r]*BYDAY=TU/);
    expect(changed!.raw).toContain('SUMMARY:Team meeting (moved again)');
    expect(changed!.raw).toMatch(/RECURRENCE-ID;TZID=Europe\/Berlin:20250408T090000/);
    // The removed lunch is kept, marked; the replaced series text is a version.
    expect(await db.items.filter((i) => i.title === 'Lunch 3').first()).toMatchObject({ live: 0 });
    expect(await db.versions.where('itemId').equals(changed!.id).count()).toBe(1);

    // An expired delta link: a full compare, nothing marked deleted that still exists.
    graph.expireDeltaLinks();
    graph.setCalendar('cal-1', 'Calendar', [changedSeries, single(1), { ...single(2), subject: 'Lunch moved' }, single(4), single(5)]);
    expect(await run()).toMatchObject({ outcome: 'ok', added: 1, changed: 0, deletedUpstream: 0, alarms: [] });
    expect(requests(/^410 \/beta\//)).toBe(1);
    expect(requests(/ \/v1\.0\/me\/calendars\/cal-1\/events/)).toBeGreaterThan(listings);
    expect(await db.items.count()).toBe(6);
    expect(await db.items.filter((i) => i.live === 1).count()).toBe(5);

    // A week of delta rounds alone: the next run lists the calendar whole again.
    const before = requests(/ \/v1\.0\/me\/calendars\/cal-1\/events/);
    clock += FULL_COMPARE_EVERY_MS + 1;
    expect(await run()).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0 });
    expect(requests(/ \/v1\.0\/me\/calendars\/cal-1\/events/)).toBeGreaterThan(before);
  });

  it('lists the calendar whole each run where the delta function on events is missing', async () => {
    graph.setCalendar('cal-2', 'Holidays', [single(6), single(7)]);
    graph.withoutEventDelta();
    const db = freshDb();
    const account = await microsoftAccount(db, 'ms-no-delta');
    const source = () => createGraphCalendarsSource({ graphUrl: graph.graphUrl, bearer: { accessToken: TOKEN, renew: () => Promise.resolve(TOKEN) } });
    const run = () => syncAccount({ db, source: source(), readers, now: Date.now }, account);
    // Both calendars of the account: the five events of cal-1 and the two of cal-2.
    expect(await run()).toMatchObject({ outcome: 'ok', added: 7 });
    expect((await db.collections.toArray()).every((c) => c.syncToken === null)).toBe(true);
    graph.setCalendar('cal-2', 'Holidays', [single(6)]);
    expect(await run()).toMatchObject({ outcome: 'ok', added: 0, deletedUpstream: 1 });
  });
});
