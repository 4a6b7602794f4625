// The sentences that say how complete a copy is: never a bare "Up to date" while items are
// missing, counts in the right plural form, never "1 items".
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';

vi.mock('../../src/shared/browser', () => import('../support/catalog-browser'));
const { unreadableSentence, upToDateSentence } = await import('../../src/ui/status-sentences');

const MINUTE = 60_000;
const now = Date.UTC(2026, 11, 6, 4, 0);

describe('the status sentence', () => {
  it('says up to date only when nothing is missing', () => {
    const text = upToDateSentence({ lastSuccessAt: now - 5 * MINUTE, missing: 0, now });
    expect(text).toMatch(/^Up to date · last safe copy /);
  });

  it('counts the items the server did not send, and says they will be tried again', () => {
    expect(upToDateSentence({ lastSuccessAt: now - 5 * MINUTE, missing: 2, now })).toMatch(
      /^Up to date except 2 items the server did not send; they will be tried again · last copy /,
    );
    expect(upToDateSentence({ lastSuccessAt: now, missing: 1, now })).toMatch(/^Up to date except 1 item the server did not send; it will be tried again/);
  });

  it('counts the address books or calendars the last run could not copy', () => {
    expect(upToDateSentence({ lastSuccessAt: now, missing: 3, collectionsMissed: 1, now })).toMatch(
      /^Up to date except 1 address book or calendar the last sync could not copy; it will be tried again · last copy /,
    );
    expect(upToDateSentence({ lastSuccessAt: now, missing: 0, collectionsMissed: 2, now })).toMatch(/^Up to date except 2 address books or calendars /);
  });

  it('names unreadable items kept as served, in the singular and the plural', () => {
    expect(unreadableSentence(1)).toBe('1 item could not be read; it is kept exactly as the server sent it.');
    expect(unreadableSentence(3)).toBe('3 items could not be read; they are kept exactly as the server sent them.');
    expect(unreadableSentence(1200)).toMatch(/^1,200 items/);
  });
});

describe('plural messages in the catalog', () => {
  const catalog = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

  it('never writes a count of one with a plural noun', () => {
    const oneForms = Object.entries(catalog).filter(([key]) => key.endsWith('_one'));
    expect(oneForms.length).toBeGreaterThanOrEqual(3);
    for (const [key, { message }] of oneForms) {
      expect(message, key).not.toMatch(/(\b1|\$1) (items|contacts|events|entries|calendar items)\b/);
      expect(catalog[key.replace(/_one$/, '_other')], `${key} has an _other form`).toBeDefined();
    }
  });
});
