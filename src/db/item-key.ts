// How an item's key is made from its collection and its address on the server: the first 128
// bits of SHA-256 over the two, joined by a newline (neither a collection's id nor an address can
// hold one, so no other pair gives the same text), in 22 characters of base64url. Why a digest,
// and why SHA-256: item-id.ts. The digest itself is computed in two places that must agree
// (test/unit/item-id.test.ts): item-id.ts for the engine, synchronously, and rekey-items.ts for
// the upgrade, through WebCrypto, so that a page that opens the database carries no hashing library.

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const KEY_BYTES = 16;
const encoder = new TextEncoder();

/** What is hashed for the item at `href` in collection `collectionId`. */
export function itemKeyInput(collectionId: string, href: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${collectionId}\n${href}`);
}

/** The key from the input's SHA-256 digest: its first 16 bytes in base64url without padding. */
export function keyOfDigest(digest: Uint8Array): string {
  let out = '';
  for (let i = 0; i < KEY_BYTES; i += 3) {
    const chunk = (digest[i]! << 16) | ((i + 1 < KEY_BYTES ? digest[i + 1]! : 0) << 8) | (i + 2 < KEY_BYTES ? digest[i + 2]! : 0);
    const chars = Math.min(4, Math.ceil(((KEY_BYTES - i) * 8) / 6));
    for (let c = 0; c < chars; c++) out += BASE64URL[(chunk >> (18 - 6 * c)) & 63];
  }
  return out;
}
