// A Microsoft account's calendars through the real engine and the Graph calendars source:
// each series with its exceptions and cancellations mirrored as one iCalendar object, read
// back by the engine's own calendar reader; an event gone upstream is kept and marked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { startGraphServer, type GraphTestServer } from '../harness/graph-server';
import { freshDb } from '../support/test-db';
import { insertAccount } from '../../src/db/accounts';
import { createGraphCalendarsSource } from '../../src/sources/microsoft/graph-calendars-source';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers';

const TOKEN = 'graph-test-token';
const weekly = JSON.parse(readFileSync('test/fixtures/graph/series-weekly-berlin.json', 'utf8')) as { master: Record<string, unknown>; exceptions: unknown[] };
const single = (n: number) => ({ id: `single-${n}`, type: 'singleInstance', subject: `Lunch ${n}`, start: { dateTime: `2025-05-0${n}T11:00:00.0000000`, timeZone: 'UTC' }, end: { dateTime: `2025-05-0${n}T12:00:00.0000000`, timeZone: 'UTC' }, originalStartTimeZone: 'GMT Standard Time' });
const series = { ...weekly.master, exceptionOccurrences: weekly.exceptions, cancelledOccurrences: ['OID.AAMkAGI2-series-1.2025-04-15'] };
let graph: GraphTestServer;

beforeAll(async () => {
  graph = await startGraphServer((token) => token === TOKEN, 2);
  graph.setCalendar('cal-1', 'Calendar', [series, single(1), single(2), single(3)]);
});
afterAll(() => graph?.stop());

describe('calendars from Microsoft Graph', () => {
  it('mirrors each series as one object with its exception and cancellation, and keeps an event gone upstream', async () => {
    const db = freshDb();
    const account = await insertAccount(db, { id: 'ms', kind: 'microsoft', label: 'Outlook', serverUrl: graph.graphUrl, calendarServerUrl: null, services: ['calendar'], username: '' }, 1);
    const source = () => createGraphCalendarsSource({ graphUrl: graph.graphUrl, bearer: { accessToken: TOKEN, renew: () => Promise.resolve(TOKEN) } });
    const run = () => syncAccount({ db, source: source(), readers, now: Date.now }, account);

    expect(await run()).toMatchObject({ outcome: 'ok', added: 4 });
    const meeting = await db.items.filter((i) => i.title === 'Team meeting').first();
    expect(meeting).toMatchObject({ recurring: true, start: '2025-03-18T09:00:00+01:00' });
    const events = new ICAL.Component(ICAL.parse(meeting!.raw) as unknown[]).getAllSubcomponents('vevent');
    expect(events).toHaveLength(2);
    expect(meeting!.raw).toMatch(/EXDATE;TZID=Europe\/Berlin:20250415T090000/);

    expect(await run()).toMatchObject({ outcome: 'ok', added: 0, changed: 0, unchanged: 4 });
    graph.setCalendar('cal-1', 'Calendar', [series, single(1), { ...single(2), subject: 'Lunch moved' }]);
    expect(await run()).toMatchObject({ outcome: 'ok', changed: 1, deletedUpstream: 1 });
    expect(await db.items.count()).toBe(4);
  });
});
