// How much of an answer the client reads before it decides the server is misbehaving. The
// server decides a body's size, so without a cap one answer could fill the service worker's
// memory. The caps are far above real answers (a 10,000-contact address book's multistatus is
// about 30 MB with photos; a Graph page holds at most 1,000 items) and the body is counted as it
// streams in, so reading stops at the cap instead of after buffering everything.
import { NetworkError } from './http-errors';
import { TooLargeError } from './policy-errors';

export type BodyKind = 'multistatus' | 'delta' | 'item' | 'feed' | 'json' | 'token';

export type BodyCaps = Record<BodyKind, number>;

const MB = 1024 * 1024;

export const DEFAULT_BODY_CAPS: BodyCaps = {
  multistatus: 64 * MB,
  // A sync-collection answer asked to carry the changed items' texts (providers/dav/
  // sync-collection.ts): held whole while its items are stored, so no more than a few multiget
  // answers (sync/answer-budget.ts); a larger change is listed again without the texts.
  delta: 6 * MB,
  item: 16 * MB,
  feed: 64 * MB,
  json: 8 * MB,
  token: 1 * MB,
};

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Reads `response`'s body up to `cap` bytes. A Content-Length already past the cap ends it
 * before any byte is read; otherwise bytes are counted as they come and the stream is
 * cancelled (which closes the connection) at the first byte past the cap. A connection that
 * breaks mid-body is a NetworkError, as before.
 */
export async function readCapped(params: { response: Response; cap: number; url: string }): Promise<Uint8Array> {
  const { response, cap, url } = params;
  const announced = Number(response.headers.get('content-length') ?? NaN);
  if (announced > cap) {
    await response.body?.cancel().catch(() => undefined);
    throw new TooLargeError({ url, cap });
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>;
    try {
      step = await reader.read();
    } catch (error) {
      // The connection broke mid-body (reset, or fewer bytes than Content-Length announced).
      throw new NetworkError(url, error);
    }
    if (step.done) return concat(chunks, length);
    length += step.value.length;
    if (length > cap) {
      await reader.cancel().catch(() => undefined);
      throw new TooLargeError({ url, cap });
    }
    chunks.push(step.value);
  }
}
