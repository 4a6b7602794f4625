// Every translation of the catalog says the same things as the English one: the same keys (a
// missing key shows English in the middle of another language; an extra one is never read),
// the same substitutions per message ($1…$9, which chrome.i18n fills in by number, so a dropped
// "$2" loses a count and a stray one shows nothing), the same `placeholders` names, and no
// empty message (chrome.i18n answers "" for it, and t() would show the key itself).
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';

interface Message {
  message: string;
  placeholders?: Record<string, { content: string }>;
}
type Catalog = Record<string, Message>;

const read = (language: string) => JSON.parse(readFileSync(`public/_locales/${language}/messages.json`, 'utf8')) as Catalog;
const english = read('en');
const translations = readdirSync('public/_locales').filter((language) => language !== 'en');

/** What a message substitutes: its numbered substitutions and its named placeholders. */
function substitutions(entry: Message): string {
  const numbered = [...new Set([...entry.message.matchAll(/\$(\d)/g)].map((m) => `$${m[1]}`))].sort();
  const named = Object.keys(entry.placeholders ?? {}).sort();
  return [...numbered, ...named.map((name) => `$${name}$`)].join(' ');
}

describe('the translated catalogs', () => {
  it('include German', () => {
    expect(translations).toContain('de');
  });

  describe.each(translations)('%s', (language) => {
    const catalog = read(language);

    it('has exactly the keys of the English catalog', () => {
      expect(Object.keys(catalog).filter((key) => !(key in english))).toEqual([]);
      expect(Object.keys(english).filter((key) => !(key in catalog))).toEqual([]);
    });

    it('substitutes the same values in every message', () => {
      const differing = Object.keys(english)
        .filter((key) => key in catalog && substitutions(catalog[key]!) !== substitutions(english[key]!))
        .map((key) => `${key}: ${substitutions(english[key]!)} ≠ ${substitutions(catalog[key]!)}`);
      expect(differing).toEqual([]);
    });

    it('has no empty message', () => {
      expect(Object.entries(catalog).filter(([, entry]) => entry.message.trim() === '').map(([key]) => key)).toEqual([]);
    });
  });
});
