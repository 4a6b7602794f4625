// An export's file as the list of its pieces, in order, for a Blob made of parts (the browser
// copies each into the file; no 15 MB string is ever built). `text`, the pieces joined, is for
// tests and small callers, computed only when read.

export type WithText<T> = T & { readonly text: string };

/**
 * `shown`: which of the two a copy of the result (a spread, an equality in a test) sees. An
 * exporter's result shows `text`, as it always has; the built export shows `parts`, so that
 * spreading it into the summary sent to the page never joins the file.
 */
export function withText<T extends { parts: readonly string[] }>(result: T, shown: 'text' | 'parts' = 'text'): WithText<T> {
  Object.defineProperty(result, 'text', { get: () => result.parts.join(''), enumerable: shown === 'text' });
  Object.defineProperty(result, 'parts', { value: result.parts, enumerable: shown === 'parts' });
  return result as WithText<T>;
}

/**
 * The pieces with a CRLF after each, as the .vcf and .ics separate cards and components. The
 * CRLF joins its piece (V8 keeps the sum as a rope until the Blob reads it): Chromium's Blob
 * constructor pays for every part, and one part per card instead of two halved its time.
 */
export function crlfAfterEach(pieces: readonly string[]): string[] {
  return pieces.map((piece) => `${piece}\r\n`);
}
