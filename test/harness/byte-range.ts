// What a download host answers to a Range header (RFC 9110 §14.2: "bytes=N-" or "bytes=N-M"):
// 206 with Content-Range for a part, 416 with "bytes */size" beyond the end, 200 for the whole.

export interface RangeAnswer {
  status: 200 | 206 | 416;
  body: Uint8Array;
  headers: Record<string, string | number>;
}

export function answerRange(range: string | null, bytes: Uint8Array): RangeAnswer {
  const size = bytes.byteLength;
  const asked = /^bytes=(\d+)-(\d*)$/.exec(range ?? '');
  const first = asked ? Number(asked[1]) : 0;
  if (asked && first >= size) return { status: 416, body: new Uint8Array(), headers: { 'Content-Range': `bytes */${size}` } };
  const last = asked && asked[2] ? Math.min(Number(asked[2]), size - 1) : size - 1;
  const body = bytes.subarray(first, last + 1);
  return { status: asked ? 206 : 200, body, headers: { 'Content-Length': body.byteLength, ...(asked ? { 'Content-Range': `bytes ${first}-${last}/${size}` } : {}) } };
}
