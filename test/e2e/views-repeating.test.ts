// A weekly series that began a year ago, in the agenda and the month grid of the real options
// page in Chromium: this week's date is under "Upcoming", the override shows at its moved time,
// the date its EXDATE removes shows nothing, and both views pass axe-core in light and dark.
// The mirror is written straight into IndexedDB (as seed-mirror.ts does): what is checked here
// is the views, not the engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { OPTIONS, openOptions } from '../browser/extension-pages';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';

const DAY = 86_400_000;
let ext: ExtensionBrowser;
let page: Page;

/** Local midnight of today plus some days, in the test's clock (the browser shares it). */
const dayFromToday = (days: number): Date => {
  const now = new Date();
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
};
const pad = (n: number) => String(n).padStart(2, '0');
const ical = (d: Date, time: string) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}T${time}`;
const iso = (d: Date, time: string) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${time}`;
const month = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}`;
const fullDate = (d: Date) => d.toLocaleDateString(undefined, { dateStyle: 'full' });

const today = dayFromToday(0);
const first = dayFromToday(-364); // 52 weeks ago: the same weekday as today
const moved = dayFromToday(7); // next week's date, moved by its override…
const movedTo = dayFromToday(8); // …to the day after, at 15:00
const excluded = dayFromToday(14); // the week after: removed by EXDATE

const RAW = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Lifeboat tests//EN',
  'BEGIN:VEVENT',
  'UID:weekly-review@lifeboat.test',
  'SUMMARY:Weekly review',
  `DTSTART:${ical(first, '100000')}`,
  `DTEND:${ical(first, '110000')}`,
  'RRULE:FREQ=WEEKLY',
  `EXDATE:${ical(excluded, '100000')}`,
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:weekly-review@lifeboat.test',
  'SUMMARY:Weekly review (moved)',
  `RECURRENCE-ID:${ical(moved, '100000')}`,
  `DTSTART:${ical(movedTo, '150000')}`,
  `DTEND:${ical(movedTo, '160000')}`,
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

async function seed(options: Page): Promise<void> {
  const item = {
    id: 'views|cal|1', accountId: 'views', collectionId: 'views|cal', kind: 'event', href: '1.ics', etag: '1', raw: RAW,
    uid: 'weekly-review@lifeboat.test', title: 'Weekly review', emails: [], phones: [], start: iso(first, '10:00:00'), end: iso(first, '11:00:00'),
    allDay: false, recurring: true, firstSeenAt: Date.now(), updatedAt: Date.now(), deletedUpstreamAt: null, live: 1,
    // What db/derived-fields.ts derives on every write the extension makes: the agenda's index of series.
    seriesStart: iso(first, '10:00:00'),
  };
  await options.evaluate(
    (item) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('lifeboat');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction(['accounts', 'items'], 'readwrite');
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(new Error(String(tx.error)));
          const now = Date.now();
          tx.objectStore('accounts').put({
            id: 'views', kind: 'dav', label: 'Views', serverUrl: 'https://dav.example.com/', calendarServerUrl: null, services: ['calendar'],
            username: 'views', createdAt: now, status: 'idle', lastError: null, lastSuccessAt: now, progress: null, detached: false, discovery: {},
          });
          tx.objectStore('items').put(item);
        };
      }),
    item,
  );
}

beforeAll(async () => {
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', []) });
  const options = await openOptions(ext);
  await seed(options);
  await options.close();
  page = await ext.openPage(`${OPTIONS}#browse/agenda`, { width: 1000, height: 900 });
});

afterAll(async () => {
  await ext?.close();
});

describe('a weekly series begun a year ago', () => {
  it('is under "Upcoming" at this week’s date, at the override’s moved time, and not on its EXDATE', async () => {
    const rows = page.getByRole('list', { name: 'Events' }).getByRole('button');
    const todays = rows.filter({ hasText: fullDate(today) });
    await todays.waitFor();
    expect(await todays.textContent()).toContain('Weekly review');
    expect(await todays.textContent()).toContain('repeats');
    const movedRow = rows.filter({ hasText: 'Weekly review (moved)' });
    const movedTime = new Date(movedTo.getTime() + 15 * 3_600_000).toLocaleString(undefined, { dateStyle: 'full', timeStyle: 'short' });
    expect(await movedRow.textContent()).toContain(movedTime);
    expect(await rows.filter({ hasText: fullDate(moved) }).count()).toBe(0);
    expect(await rows.filter({ hasText: fullDate(excluded) }).count()).toBe(0);
    // The week after the EXDATE is there again.
    expect(await rows.filter({ hasText: fullDate(new Date(excluded.getTime() + 7 * DAY + 3_600_000)) }).count()).toBe(1);
    expect(await seriousViolationsInBothSchemes(page)).toEqual([]);
  });

  it('shows each date in the month grid with a repeats mark, the moved one on its new day, none on the EXDATE', async () => {
    await page.getByRole('navigation', { name: 'What to browse' }).getByRole('link', { name: 'Month', exact: true }).click();
    const picker = page.getByLabel('Month', { exact: true });
    await picker.waitFor();
    const cell = (d: Date) => page.getByRole('table').locator('td').filter({ has: page.locator('span.day-number', { hasText: new RegExp(`^${d.getDate()}$`) }) });
    const checkMonth = async (d: Date) => {
      await picker.fill(month(d));
      await page.getByRole('table').getByRole('button', { name: /Weekly review/ }).first().waitFor();
    };
    await checkMonth(today);
    await cell(today).getByRole('button', { name: 'Weekly review (repeats)' }).waitFor();
    expect(await seriousViolationsInBothSchemes(page)).toEqual([]);
    await checkMonth(movedTo);
    await cell(movedTo).getByRole('button', { name: 'Weekly review (moved) (repeats)' }).waitFor();
    if (month(moved) === month(movedTo)) expect(await cell(moved).getByRole('button').count()).toBe(0);
    await checkMonth(excluded);
    expect(await cell(excluded).getByRole('button').count()).toBe(0);
  });
});
