// The fidelity claims of the issue, checked in real Chromium through the options page and the
// popup as a person uses them: an RRULE served as `FREQ=DAILY\;COUNT=10` is in the mirror and in
// the export; a feed whose lines fold inside "week|end:" keeps all 12 events; an unreadable item
// is in the export as served and named (counted in the popup, named one click away in the run
// log); the export sentence names the file really written (a second export the same day is
// "… (1).ics"); and 20 events whose Europe/London VTIMEZONEs are written five different ways
// keep one TZID.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedOf, startFeedServer, type FeedServer } from '../harness/feed-server';
import { startRadicale, type RadicaleServer } from '../harness/radicale';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions, openPopup, submitAccount } from '../browser/extension-pages';
import { exportFromPopupButton } from '../browser/fidelity-export';
import { mirrorByPath, waitForItems } from '../browser/fidelity-mirror';
import { unfoldLines } from '../browser/fidelity-served';
import { serverTexts } from '../harness/mirror-check';

const CRLF = (lines: string[]): string => `${lines.join('\r\n')}\r\n`;
const calendar = (...body: string[]): string => CRLF(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Lifeboat//Claims//EN', ...body, 'END:VCALENDAR']);

// vobject (and Ruby's icalendar) write an RRULE's semicolons escaped, as if it were TEXT.
const ESCAPED_RULE = calendar('BEGIN:VEVENT', 'UID:claim-escaped-rule@lifeboat.test', 'DTSTAMP:20250301T090000Z', 'DTSTART:20250301T100000Z',
  'DTEND:20250301T110000Z', 'RRULE:FREQ=DAILY\\;COUNT=10', 'SUMMARY:Ten days', 'END:VEVENT');

// Only a VFREEBUSY: kept as served, but no event, task or journal entry to read.
const UNREADABLE = readFileSync('test/fixtures/calendar/malformed-no-component.ics', 'utf8');

// The real-world Europe/London VTIMEZONEs (Apple, Google, Thunderbird, tz database, Outlook).
const ZONES_DIR = 'test/fixtures/calendar/vtimezones';
const ZONES = readdirSync(ZONES_DIR).filter((f) => f.endsWith('.ics')).sort()
  .map((f) => readFileSync(join(ZONES_DIR, f), 'utf8').replace('TZID:GMT Standard Time', 'TZID:Europe/London').trimEnd());
const LONDON = Array.from({ length: 20 }, (_, i) => ({
  name: `london-${i}.ics`,
  data: calendar(ZONES[i % ZONES.length]!, 'BEGIN:VEVENT', `UID:claim-london-${i}@lifeboat.test`, 'DTSTAMP:20250101T000000Z',
    `DTSTART;TZID=Europe/London:2025${String((i % 12) + 1).padStart(2, '0')}10T090000`, `SUMMARY:London ${i}`, 'END:VEVENT'),
}));

// Folded inside "week|end:": the continuation line starts " end:", which is no END line.
const WEEKEND = Array.from({ length: 12 }, (_, i) =>
  ['BEGIN:VEVENT', `UID:claim-weekend-${i}@lifeboat.test`, 'DTSTAMP:20250101T000000Z', `DTSTART;VALUE=DATE:202503${String(i + 1).padStart(2, '0')}`,
    'SUMMARY:Every week', ` end: cottage ${i}`, 'END:VEVENT'].join('\r\n'));

/** The unfolded lines of the component whose UID is `uid`, in an export. */
function component(text: string, uid: string): string[] {
  const lines = unfoldLines(text);
  const at = lines.indexOf(`UID:${uid}`);
  if (at < 0) return [];
  const begin = lines.slice(0, at).findLastIndex((l) => /^BEGIN:V(EVENT|TODO|JOURNAL|FREEBUSY)$/.test(l));
  const end = lines.findIndex((l, i) => i > at && /^END:V(EVENT|TODO|JOURNAL|FREEBUSY)$/.test(l));
  return lines.slice(begin, end + 1);
}

describe('the fidelity claims in Chromium', () => {
  let radicale: RadicaleServer;
  let feed: FeedServer;
  let ext: ExtensionBrowser;
  const items = [{ name: 'escaped-rule.ics', data: ESCAPED_RULE }, { name: 'freebusy.ics', data: UNREADABLE }, ...LONDON];

  beforeAll(async () => {
    radicale = await startRadicale({ seed: [{ name: 'calendar', kind: 'calendar', displayName: 'Claims', items }] });
    feed = await startFeedServer();
    feed.setFeed(feedOf(WEEKEND, 'Weekends'));
    ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
    const options = await openOptions(ext);
    expect(await submitAccount(options, { serverUrl: radicale.url, username: radicale.username, password: radicale.password, label: 'Claims' })).toMatch(/Account added/);
    const form = options.locator('form.add-feed');
    await form.getByLabel('Calendar feed address (.ics or webcal://)').fill(feed.url);
    await form.getByRole('button', { name: 'Add calendar feed' }).click();
    await form.locator('.message').filter({ hasText: /Calendar feed added/ }).waitFor({ timeout: 60_000 });
    await options.close();
  }, 300_000);

  afterAll(async () => {
    await ext?.close();
    await feed?.stop();
    await radicale?.stop();
  });

  it('keeps every served item in the mirror exactly as served, the escaped RRULE included', async () => {
    const popup = await openPopup(ext);
    await waitForItems(popup, items.length + WEEKEND.length);
    const mirror = await mirrorByPath(popup);
    const served = await serverTexts(radicale.calendarUrl, radicale);
    for (const [path, text] of served) expect(mirror.get(path), path).toBe(text);
    expect([...served.values()].some((t) => t.includes('FREQ=DAILY\\;COUNT=10'))).toBe(true);
    await popup.close();
  });

  it('names the unreadable item: counted in the popup, named in the run log', async () => {
    const popup = await openPopup(ext);
    await popup.getByTestId('unreadable-line').filter({ hasText: '1 item could not be read; it is kept exactly as the server sent it.' }).waitFor();
    const [log] = await Promise.all([ext.context.waitForEvent('page'), popup.getByRole('button', { name: 'See which' }).click()]);
    await log.getByText(/fb@example\.com/).first().waitFor({ timeout: 30_000 });
    expect(await log.getByText(/freebusy\.ics/).count()).toBeGreaterThan(0);
    await log.close();
  });

  it('exports the escaped RRULE, the 12 folded feed events, the unreadable item as served and one Europe/London', async () => {
    const popup = await openPopup(ext);
    const first = await exportFromPopupButton(ext, popup, 'calendars');
    console.info(first.sentence);
    expect(first.sentence).toMatch(/1 kept exactly as served/);
    const rule = component(first.text, 'claim-escaped-rule@lifeboat.test').filter((l) => l.startsWith('RRULE'));
    expect(rule).toHaveLength(1);
    expect(rule[0]).toMatch(/^RRULE:FREQ=DAILY\\?;COUNT=10$/);
    for (let i = 0; i < WEEKEND.length; i++) {
      expect(component(first.text, `claim-weekend-${i}@lifeboat.test`), `weekend ${i}`).toContain(`SUMMARY:Every weekend: cottage ${i}`);
    }
    expect(first.text.replace(/\r\n/g, '\n')).toContain(UNREADABLE.replace(/\r\n/g, '\n'));
    // Renamed only on a real conflict: the five ways of writing Europe/London are one zone.
    const zones = unfoldLines(first.text).filter((l) => l.startsWith('TZID:'));
    expect(zones).toEqual(['TZID:Europe/London']);
    for (let i = 0; i < LONDON.length; i++) {
      expect(component(first.text, `claim-london-${i}@lifeboat.test`).find((l) => l.startsWith('DTSTART'))).toMatch(/^DTSTART;TZID=Europe\/London:/);
    }
    // The same export again the same day: the browser writes "… (1).ics", and the sentence says so.
    const second = await exportFromPopupButton(ext, popup, 'calendars');
    expect(second.fileName).not.toBe(first.fileName);
    expect(second.fileName).toMatch(/ \(1\)\.ics$/);
    expect(second.text.length).toBeGreaterThan(0);
    await popup.close();
  });
});
