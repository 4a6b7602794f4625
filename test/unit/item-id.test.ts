// An item's key (src/db/item-key.ts): the first 128 bits of SHA-256 over its collection and
// address, checked against Node's own SHA-256 and base64url, the same from the engine's digest
// (item-id.ts) and the upgrade's (rekey-items.ts, WebCrypto), and distinct wherever the pair is.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { itemId } from '../../src/db/item-id';
import { itemIdByWebCrypto } from '../../src/db/rekey-items';

const reference = (collectionId: string, href: string) =>
  createHash('sha256').update(`${collectionId}\n${href}`, 'utf8').digest().subarray(0, 16).toString('base64url');

describe('itemId', () => {
  it('is 22 characters of base64url, the same as Node computes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.webUrl(), (collectionId, href) => {
        const id = itemId(collectionId, href);
        expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
        expect(id).toBe(reference(collectionId, href));
      }),
    );
  });

  it('is the same through WebCrypto, as the upgrade makes it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), fc.webUrl(), async (collectionId, href) => {
        expect(await itemIdByWebCrypto(collectionId, href)).toBe(itemId(collectionId, href));
      }),
    );
  });

  it('tells apart pairs that the old joined key could not', () => {
    // `${collectionId}|${href}` gave the same key for both.
    expect(itemId('acct|https://a.example/b', 'c|d')).not.toBe(itemId('acct|https://a.example/b|c', 'd'));
  });

  it('gives distinct items distinct keys', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(fc.string(), fc.string()), { minLength: 2, maxLength: 200, selector: ([c, h]) => `${c}\n${h}` }), (pairs) => {
        const ids = pairs.filter(([c, h]) => !c.includes('\n') && !h.includes('\n')).map(([c, h]) => itemId(c, h));
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });
});
