import { describe, expect, it } from 'vitest';
import { sharedHomeListing, type ListingPropfind } from '../../src/providers/dav/shared-home-listing';
import type { HttpContext } from '../../src/http/http-context';
import type { MultistatusAnswer } from '../../src/providers/dav/dav-propfind';

const ctx = {} as HttpContext;
const HOME = 'https://dav.example.com/alice/';
const TOKENS = ['D:resourcetype', 'D:sync-token'];

function asking() {
  const asked: Array<{ url: string; properties: string[] }> = [];
  const ask: ListingPropfind = (_ctx, url, _depth, properties) => {
    asked.push({ url, properties });
    return Promise.resolve({ url, entries: [] } as unknown as MultistatusAnswer);
  };
  return { asked, listing: sharedHomeListing(['addressbook', 'calendar'], ask) };
}

describe('sharedHomeListing', () => {
  it('lists a home both kinds share once, asking what either kind needs', async () => {
    const { asked, listing } = asking();
    const [cards, calendars] = await Promise.all([listing('calendar')(ctx, HOME, '1', TOKENS), listing('addressbook')(ctx, HOME, '1', [...TOKENS, 'CARD:supported-address-data'])]);
    expect(cards).toBe(calendars);
    expect(asked).toEqual([{ url: HOME, properties: [...TOKENS, 'CARD:supported-address-data'] }]);
  });

  it('asks again for different homes, for a property the answer lacks, and for a second listing of one kind', async () => {
    const { asked, listing } = asking();
    await listing('addressbook')(ctx, HOME, '1', TOKENS);
    await listing('calendar')(ctx, `${HOME}calendars/`, '1', TOKENS);
    await listing('calendar')(ctx, HOME, '1', [...TOKENS, 'CS:getctag']);
    await listing('calendar')(ctx, HOME, '1', TOKENS);
    expect(asked.map((a) => a.url)).toEqual([HOME, `${HOME}calendars/`, HOME, HOME]);
  });
});
