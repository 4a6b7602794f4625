// The hostile-time-zone drill in a real Chromium: a CalDAV server holds 50 ordinary events and
// one whose VTIMEZONE recurs every hour from 1601 without end (test/unit/calendar-hostile.ts).
// Radicale stores that event with an end in 1610 (without one, Radicale itself spends ~20 s
// expanding it with dateutil whenever it reads its folder, which would time Radicale, not
// Lifeboat), and a hostile proxy in front of it (hostile-dav-server.ts) strips the end from
// every answer: what the extension is served recurs hourly from 1601 for ever. The account is
// added in the options page; the time to the first complete mirror is logged, not asserted
// (benchmarks are separate). The popup's .ics export must hold all 51 objects by UID, the
// hostile one is kept as served, flagged `degraded: 'timezone-too-complex'`, and named in the
// run log as read only in part.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRadicale, makeEvent, getItem, type RadicaleServer } from '../harness';
import { hostileEvent } from '../unit/calendar-hostile';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, showSection, submitAccount } from '../browser/extension-pages';
import { exportFromPopup } from '../browser/popup-export';
import { readStore } from '../browser/extension-db';
import { startHostileDav, type HostileDavServer } from '../harness/hostile-dav-server';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';

const NORMAL = Array.from({ length: 50 }, (_, i) => makeEvent(i + 1, { zone: 'Europe/Berlin', recurring: i % 5 === 0 }));
const END = ';UNTIL=16100101T000000Z';
const HOSTILE = { name: 'hostile-0.ics', data: hostileEvent(0, `FREQ=HOURLY${END}`) };
const uidOf = (data: string) => /^UID:(.*)$/m.exec(data)![1]!.trim();

let radicale: RadicaleServer;
let hostile: HostileDavServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  radicale = await startRadicale({ seed: [{ name: 'calendar', kind: 'calendar', displayName: 'Team', items: [...NORMAL, HOSTILE] }] });
  hostile = await startHostileDav({ upstream: radicale.url });
  hostile.intercept = () => ({ rewrite: (text) => text.replaceAll(END, '') });
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
}, 180_000);
afterAll(async () => {
  await ext?.close();
  await hostile?.stop();
  await radicale?.stop();
});

describe('a calendar with a hostile time zone, in Chromium', () => {
  it('mirrors 50 events and the hostile one, exports all 51 by UID, and reports the hostile one as read in part', async () => {
    const options = await openOptions(ext);
    const popup = await openPopup(ext);
    const started = Date.now();
    const message = await submitAccount(options, { serverUrl: hostile.url, username: radicale.username, password: radicale.password });
    expect(message).toContain('Account added');
    await popup.getByText(`Events: ${NORMAL.length + 1}`).first().waitFor({ timeout: 120_000 });
    await popup.locator('.status-ok').first().waitFor({ timeout: 120_000 });
    const seconds = (Date.now() - started) / 1000;
    console.log(`First mirror of 50 events plus a hostile time zone, from "Add account" to "Up to date": ${seconds.toFixed(1)} s`);

    const ics = await exportFromPopup(ext, popup, 'calendars');
    const exported = new Set([...ics.matchAll(/^UID:(.*)$/gm)].map((m) => m[1]!.trim()));
    const expected = new Set([...NORMAL, HOSTILE].map((item) => uidOf(item.data)));
    expect(expected.size).toBe(51);
    expect(exported).toEqual(expected);
    // The hostile zone travels with its event, as served: the export leaves nothing out.
    expect(ics).toContain('TZID:Hostile/Zone-0');

    const items = await readStore<{ uid: string | null; degraded?: string; raw: string; title: string }>(options, 'items');
    expect(items).toHaveLength(51);
    const flagged = items.filter((item) => item.degraded !== undefined);
    expect(flagged.map((item) => [item.uid, item.degraded])).toEqual([['hostile-0@example.org', 'timezone-too-complex']]);
    // As served: Radicale's own serialisation of what lies on its disk, without the end.
    const served = await getItem(new URL(new URL(HOSTILE.name, radicale.calendarUrl).pathname, hostile.url).href, radicale);
    expect(served).toContain('RRULE:FREQ=HOURLY\r\n');
    expect(flagged[0]).toMatchObject({ raw: served, title: 'Hostile 0' });
    expect(ics).toContain('RRULE:FREQ=HOURLY\r\n');
    // The run itself is complete (a limited reading is no error), and its log names the item
    // read only in part, and why: the listing shows its times without an offset.
    await showSection(options, 'Activity');
    const run = options.locator('#run-log tbody tr').first();
    await run.getByText('Complete', { exact: true }).waitFor();
    await run.getByText('1 item was read only in part').waitFor();
    const line = run.locator('li').filter({ hasText: 'Hostile 0' });
    expect(await line.textContent()).toContain('its time zone has too many rules to work out');
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
  });
});
