// OneDrive for Business states only a QuickXorHash for a file, which the engine's hashing does
// not compute, so the source checks it on the bytes as they pass. The last chunk is held back
// until the hash is known: a damaged download then ends before its final bytes, and what the
// engine kept of it never looks like a whole file to resume from or to store. Because the
// check needs every byte in one pass, such files are fetched whole rather than resumed.
import { QuickXorHash } from '../../photos/quick-xor-hash';

/** The download does not hash to what OneDrive states: it is not stored, and comes again next run. */
export class QuickXorMismatchError extends Error {
  readonly code = 'damaged';
  constructor(name: string) {
    super(`${name}: the downloaded file does not match the QuickXorHash OneDrive states; it was not stored and will be fetched again`);
  }
}

/** Graph writes base64; some tools write its URL-safe form. */
const standardBase64 = (text: string): string => text.trim().replace(/-/g, '+').replace(/_/g, '/');

export function checkQuickXor(body: ReadableStream<Uint8Array>, expected: string, name: string): ReadableStream<Uint8Array> {
  const hash = new QuickXorHash();
  let held: Uint8Array | null = null;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        hash.update(chunk);
        if (held) controller.enqueue(held);
        held = chunk;
      },
      flush(controller) {
        if (hash.digestBase64() !== standardBase64(expected)) return controller.error(new QuickXorMismatchError(name));
        if (held) controller.enqueue(held);
      },
    }),
  );
}
