// Which cards carry labels, and which accounts keep them: what a restore into Google counts.
import { describe, expect, it } from 'vitest';
import { hasContactLabels } from '../../src/restore/contact-labels';
import { setupOf } from '../../src/providers/setup-registry';
import { dropCategories, dropCategoriesInMultistatus } from '../harness/drop-categories';

const card = (...lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', 'UID:x', 'FN:Ada', ...lines, 'END:VCARD', ''].join('\r\n');

describe('contact labels', () => {
  it('finds CATEGORIES with a value, folded or in a group, and nothing else', () => {
    expect(hasContactLabels(card('CATEGORIES:Family,Friends'))).toBe(true);
    expect(hasContactLabels(card('item1.CATEGORIES:Work'))).toBe(true);
    expect(hasContactLabels(card('CATEGORIES:Fam', ' ily'))).toBe(true);
    expect(hasContactLabels(card('categories;charset=utf-8:Chorale'))).toBe(true);
    expect(hasContactLabels(card('CATEGORIES:'))).toBe(false);
    expect(hasContactLabels(card('CATEGORIES:, ,'))).toBe(false);
    expect(hasContactLabels(card('NOTE:CATEGORIES:Family'))).toBe(false);
    expect(hasContactLabels(card())).toBe(false);
    expect(hasContactLabels('not a card at all')).toBe(false);
  });

  it('knows that only Google’s address books drop them', () => {
    expect(setupOf('google').keepsContactLabels).toBe(false);
    for (const kind of ['dav', 'local', 'microsoft'] as const) expect(setupOf(kind).keepsContactLabels).toBe(true);
  });

  it('the Google test server drops them, folded lines and groups included, in a card and in a multistatus', () => {
    const labelled = card('CATEGORIES:Fam', ' ily', 'item1.CATEGORIES:Work', 'NOTE:kept');
    expect(dropCategories(labelled)).toBe(card('NOTE:kept'));
    const xml = `<D:multistatus xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"><D:response><C:address-data>${labelled}</C:address-data></D:response></D:multistatus>`;
    expect(dropCategoriesInMultistatus(xml)).toBe(xml.replace(labelled, card('NOTE:kept')));
  });
});
