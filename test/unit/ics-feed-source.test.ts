// The feed source on its own, with a scripted fetch: addresses (webcal://), the validators it
// sends back, one object per UID (a series and its overrides together), and the answers that
// must fail rather than read as an empty calendar.
import { describe, expect, it } from 'vitest';
import { fakeFetch } from '../harness/fake-fetch';
import { feedEvent, feedOf } from '../harness/feed-server';
import { createFeedSource } from '../../src/providers/ics-feed/feed-source';
import { feedBase, feedHttpUrl } from '../../src/model/feed-url';
import { readValidators } from '../../src/providers/ics-feed/feed-cursor';

const URL_ = 'https://calendar.example.com/ical/me/private-abc/basic.ics';
const NO_RETRY = { retry: { maxAttempts: 1 } };

describe('feed addresses', () => {
  it('reads webcal:// as https:// and refuses what is not a web address', () => {
    expect(feedHttpUrl(' webcal://p42-caldav.icloud.com/published/2/abc ')).toBe('https://p42-caldav.icloud.com/published/2/abc');
    expect(feedHttpUrl('WEBCALS://example.com/a.ics#x')).toBe('https://example.com/a.ics');
    expect(feedHttpUrl('ftp://example.com/a.ics')).toBeNull();
    expect(feedHttpUrl('not an address')).toBeNull();
    expect(feedHttpUrl('https://user:pw@example.com/a.ics')).toBeNull();
    expect(feedBase(URL_)).toBe('https://calendar.example.com/');
  });
});

describe('the feed source', () => {
  const series = ['BEGIN:VEVENT', 'UID:series', 'DTSTART:20250401T090000Z', 'RRULE:FREQ=WEEKLY', 'SUMMARY:Weekly', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:series', 'RECURRENCE-ID:20250408T090000Z', 'DTSTART:20250408T100000Z', 'SUMMARY:Moved', 'END:VEVENT'].join('\r\n');

  it('lists one object per UID, overrides with their series, and sends the validators back', async () => {
    const fake = fakeFetch((call) =>
      call.headers.get('if-none-match') === '"v1"'
        ? { status: 304 }
        : { status: 200, body: feedOf([series, feedEvent(1)]), contentType: 'text/calendar', headers: { ETag: '"v1"', 'Last-Modified': 'Tue, 01 Apr 2025 10:00:00 GMT' } },
    );
    const source = createFeedSource({ url: URL_, label: 'Team', fetch: fake.fetch }, NO_RETRY);
    const [collection] = await source.listCollections();
    expect(collection).toMatchObject({ href: 'https://calendar.example.com/', kind: 'calendar', displayName: 'Team' });
    const listing = await source.listChanges(collection!, {});
    if (listing.mode !== 'full') throw new Error('expected a full listing');
    expect(listing.items.map((i) => i.href)).toEqual(['https://calendar.example.com/#series', 'https://calendar.example.com/#feed-event-1%40example.com']);
    expect(readValidators(listing.cursor.ctag)).toEqual({ etag: '"v1"', lastModified: 'Tue, 01 Apr 2025 10:00:00 GMT' });
    const [first] = await source.fetchItems(collection!, [listing.items[0]!.href]);
    expect(first && 'data' in first ? first.data.match(/BEGIN:VEVENT/g) : null).toHaveLength(2);

    expect(await source.listChanges(collection!, listing.cursor)).toEqual({ mode: 'unchanged' });
    expect(fake.calls[1]?.headers.get('if-modified-since')).toBe('Tue, 01 Apr 2025 10:00:00 GMT');
  });

  it('fails on an HTML page, a 404 and a sign-in, naming the host but never the secret path', async () => {
    for (const reply of [{ status: 200, body: '<html>Sign in</html>' }, { status: 404 }, { status: 401 }]) {
      const source = createFeedSource({ url: URL_, label: 'Team', fetch: fakeFetch(() => reply).fetch }, NO_RETRY);
      const [collection] = await source.listCollections();
      const error = await source.listChanges(collection!, {}).then(
        () => new Error('no failure'),
        (e: unknown) => e as Error,
      );
      expect(error).toMatchObject({ code: 'feed' });
      expect(error.message).toContain('calendar.example.com');
      expect(error.message).not.toContain('private-abc');
    }
  });
});
