// What a batch holds until it is written: each item's text once, and its fields on their own.
// A reader's fields are cut from the text its parser worked on, and V8 keeps a cut-out string
// as a view of its parent: without a copy, each name held the whole unfolded card (photo
// included) again, twice the card's text in two-byte characters (read-fetched.ts). Measured with
// the garbage collected before and after, so the figure is what the fields keep alive.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { readBatch } from '../../src/sync/read-fetched';
import { contactReader } from '../../src/sync/readers/contact-reader';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** A card with a 48 KB photo (as a phone writes it: base64 on folded lines) and a long note. */
function card(i: number): string {
  const photo = Array.from({ length: 650 }, (_, line) => ` ${String(i + line).padStart(8, '0').repeat(9)}`).join('\r\n');
  return ['BEGIN:VCARD', 'VERSION:3.0', `UID:person-${i}`, `FN:Zoë Person ${i}`, `N:Person;Zoë;;;`, `EMAIL;TYPE=work:zoe${i}@example.com`, `PHOTO;ENCODING=b;TYPE=JPEG:/9j/${photo.slice(1)}`, 'END:VCARD', ''].join('\r\n');
}

describe('a read batch', () => {
  it('keeps no second copy of the items’ texts in their fields', () => {
    const results = Array.from({ length: 150 }, (_, i) => ({ href: `/c/${i}.vcf`, etag: `"${i}"`, data: card(i) }));
    const textBytes = results.reduce((sum, item) => sum + item.data.length, 0);
    gc();
    const before = process.memoryUsage().heapUsed;
    const { store } = readBatch({ requested: results.map((r) => r.href), results, reader: contactReader, collectionKind: 'addressbook' });
    // The texts themselves are held by `results` either way: what is measured is the fields.
    gc();
    const held = process.memoryUsage().heapUsed - before;
    expect(store.map((item) => item.title).slice(0, 2)).toEqual(['Zoë Person 0', 'Zoë Person 1']);
    expect(store).toHaveLength(150);
    // Without the copy the fields held about twice the texts (two-byte copies of each card).
    expect(held).toBeLessThan(textBytes / 4);
  });
});
