// The hostile-time-zone drill in a real Chromium: Radicale holds 50 ordinary events and one
// whose VTIMEZONE recurs every hour from 1601 (test/unit/calendar-hostile.ts, with the end in
// 1610 that the integration test uses: without one, Radicale itself spends ~20 s expanding it
// with dateutil each time it reads its folder, which would time Radicale, not Lifeboat). The
// account is added in the options page; the time to the first complete mirror is logged, not
// asserted (benchmarks are separate). The popup's .ics export must hold all 51 objects by UID,
// and the hostile one is kept as served, flagged `degraded: 'timezone-too-complex'`, and named in
// the run log as read only in part.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRadicale, makeEvent, getItem, type RadicaleServer } from '../harness';
import { hostileEvent } from '../unit/calendar-hostile';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, submitAccount } from '../browser/extension-pages';
import { exportFromPopup } from '../browser/popup-export';
import { readStore } from '../browser/extension-db';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';

const NORMAL = Array.from({ length: 50 }, (_, i) => makeEvent(i + 1, { zone: 'Europe/Berlin', recurring: i % 5 === 0 }));
const HOSTILE = { name: 'hostile-0.ics', data: hostileEvent(0, 'FREQ=HOURLY;UNTIL=16100101T000000Z') };
const uidOf = (data: string) => /^UID:(.*)$/m.exec(data)![1]!.trim();

let radicale: RadicaleServer;
let ext: ExtensionBrowser;

beforeAll(async () => {
  radicale = await startRadicale({ seed: [{ name: 'calendar', kind: 'calendar', displayName: 'Team', items: [...NORMAL, HOSTILE] }] });
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
}, 180_000);
afterAll(async () => {
  await ext?.close();
  await radicale?.stop();
});

describe('a calendar with a hostile time zone, in Chromium', () => {
  it('mirrors 50 events and the hostile one, exports all 51 by UID, and reports the hostile one as read in part', async () => {
    const options = await openOptions(ext);
    const popup = await openPopup(ext);
    const started = Date.now();
    const message = await submitAccount(options, { serverUrl: radicale.url, username: radicale.username, password: radicale.password });
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
    // As served: Radicale serves its own serialisation of what lies on its disk.
    const served = await getItem(new URL(HOSTILE.name, radicale.calendarUrl).href, radicale);
    expect(flagged[0]).toMatchObject({ raw: served, title: 'Hostile 0' });
    // The run itself is complete (a limited reading is no error), and its log names the item
    // read only in part, and why: the listing shows its times without an offset.
    const run = options.locator('#run-log tbody tr').first();
    await run.getByText('Complete', { exact: true }).waitFor();
    await run.getByText('1 item was read only in part').waitFor();
    const line = run.locator('li').filter({ hasText: 'Hostile 0' });
    expect(await line.textContent()).toContain('its time zone has too many rules to work out');
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);
  });
});
