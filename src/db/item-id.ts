// An item's key in the mirror (item-key.ts says how it is made): 22 characters where its
// collection and address joined were about 180. Every index entry IndexedDB keeps for an item
// carries the item's key twice (Chromium writes it into the entry's key and its value), and an
// item has a dozen entries: the shorter key took a first mirror of 21,000 items from Radicale
// from 20.1 s to 18.3 s and Chromium's CPU for it from 25.7 s to 22.7 s (docs/BENCHMARKS.md,
// "Shorter item keys"). SHA-256 rather than a quicker hash: the addresses come from the server,
// and a hostile one must not be able to pick two whose keys collide, which would let one item
// overwrite another in the copy. Synchronous (@noble/hashes), because the engine makes keys for
// a whole batch inside its transactions, where awaiting WebCrypto would commit them early.
import { sha256 } from '@noble/hashes/sha2.js';
import { itemKeyInput, keyOfDigest } from './item-key';

/** The key of the item at `href` in collection `collectionId`. */
export function itemId(collectionId: string, href: string): string {
  return keyOfDigest(sha256(itemKeyInput(collectionId, href)));
}
