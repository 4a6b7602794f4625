// How an item's key is made from its collection and its address on the server: the first 128
// bits of SHA-256 over the two, joined by a newline (neither a collection's id nor an address can
// hold one, so no other pair gives the same text), in 22 characters of base64url. Why a digest,
// and why SHA-256: item-id.ts. The digest itself is computed in two places that must agree
// (test/unit/item-id.test.ts): item-id.ts for the engine, synchronously, and rekey-items.ts for
// the upgrade, through WebCrypto, so that a page that opens the database carries no hashing library.

const KEY_BYTES = 16;
const encoder = new TextEncoder();

/** What is hashed for the item at `href` in collection `collectionId`. */
export function itemKeyInput(collectionId: string, href: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`${collectionId}\n${href}`);
}

/** The key from the input's SHA-256 digest: its first 16 bytes in base64url without padding. */
export function keyOfDigest(digest: Uint8Array): string {
  const base64 = btoa(String.fromCharCode(...digest.subarray(0, KEY_BYTES)));
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
