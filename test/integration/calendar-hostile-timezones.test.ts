// Bounded work per item, end to end: Radicale holds 50 ordinary events, events whose VTIMEZONE
// recurs every hour from 1601 (until 1610 here: Radicale itself expands each with Python's
// dateutil when it reads its folder, ~20 s an item without an end; ical.js would take about a
// second per item even so, 87,840 occurrences against a cap of 5,000), and the object
// that once vanished, its RRULE stored TEXT-escaped ("FREQ=DAILY\;COUNT=10"). All are written
// straight into Radicale's storage folder, as another client's uploads would lie there. The
// engine must store every object as served, flag the hostile ones (the expansion cap was hit:
// `degraded: 'timezone-too-complex'`), and the export must hold every object.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseComponent } from '../../src/calendars/parse-component';
import { exportIcs } from '../../src/exporters/ical-export';
import { readers } from '../../src/sync/readers/index';
import { itemPath, mirrorTexts, serverTexts } from '../harness/mirror-check';
import { runMirror, type MirrorSetup } from '../harness/mirror-run';
import { startRadicale, type RadicaleServer } from '../harness/radicale';
import { makeEvent } from '../harness/sample-events';
import { addTestAccount, freshDb } from '../support/test-db';
import { hostileEvent } from '../unit/calendar-hostile';
import { itemsOfAccount } from '../../src/db/account-items';

const NORMAL = Array.from({ length: 50 }, (_, i) => makeEvent(i + 1, { zone: 'Europe/Berlin', recurring: i % 5 === 0 }));
const HOSTILE = Array.from({ length: 50 }, (_, i) => ({ name: `hostile-${i}.ics`, data: hostileEvent(i, 'FREQ=HOURLY;UNTIL=16100101T000000Z') }));
const ESCAPED_RULE = {
  name: 'escaped-rule.ics',
  data: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Example//EN\r\nBEGIN:VEVENT\r\nUID:escaped-rule@example.org\r\nDTSTAMP:20260101T000000Z\r\nDTSTART:20260105T090000Z\r\nDTEND:20260105T093000Z\r\nRRULE:FREQ=DAILY\\;COUNT=10\r\nSUMMARY:Stand-up\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
};

describe('hostile time zones in Radicale', () => {
  let server: RadicaleServer;
  let setup: MirrorSetup;

  beforeAll(async () => {
    server = await startRadicale({ seed: [{ name: 'calendar', kind: 'calendar', items: [...NORMAL, ...HOSTILE, ESCAPED_RULE] }] });
    const db = freshDb();
    const account = await addTestAccount(db);
    setup = { db, account, readers, serverUrl: server.url, username: server.username, password: server.password, kinds: ['calendar'] };
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('stores every object as served, flags the hostile ones, and exports them all', async () => {
    const { summary } = await runMirror(setup);
    expect(summary.errors).toEqual([]);
    expect(summary).toMatchObject({ outcome: 'ok', added: NORMAL.length + HOSTILE.length + 1 });

    const served = await serverTexts(server.collectionUrl('calendar'), { username: server.username, password: server.password });
    const mirror = await mirrorTexts(setup.db, setup.account.id);
    expect([...mirror.live.entries()].sort()).toEqual([...served.entries()].sort());

    const items = await itemsOfAccount(setup.db, setup.account.id);
    const flagged = items.filter((i) => i.degraded !== undefined);
    expect(flagged.map((i) => [itemPath(i.href).split('/').pop(), i.degraded]).sort()).toEqual(
      HOSTILE.map((h) => [h.name, 'timezone-too-complex']).sort(),
    );
    // Named in the run log: each hostile item, why it is shown simplified.
    expect(summary.limited?.map((note) => [itemPath(note.href).split('/').pop(), note.reason]).sort()).toEqual(
      HOSTILE.map((h) => [h.name, 'timezone-too-complex']).sort(),
    );
    // Degraded, not lost: the title and the wall time are shown, without an offset.
    expect(items.find((i) => i.uid === 'hostile-0@example.org')).toMatchObject({ title: 'Hostile 0', start: '2026-03-15T09:00:00' });
    expect(items.find((i) => i.uid === 'escaped-rule@example.org')).toMatchObject({ recurring: true, start: '2026-01-05T09:00:00Z' });

    const { text, count, skipped } = exportIcs(items.map((i) => i.raw));
    expect([count, skipped]).toEqual([items.length, []]);
    const uids = parseComponent(text)
      .getAllSubcomponents('vevent')
      .map((e) => String(e.getFirstPropertyValue('uid')));
    expect(new Set(uids)).toEqual(new Set(items.map((i) => i.uid)));
  }, 120_000);
});
