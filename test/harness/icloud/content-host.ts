// Where CloudKit's download addresses lead (cvws.icloud-content.com for the real service), on its
// own loopback port, another origin than the web services:
// - an address is /B/<token>/${f}?o=…&v=1&e=<expiry, s since 1970>&ckc=<container>&ckz=<zone>,
//   `${f}` left in for the client to replace with a file name or send as it is (icloudpd's
//   tests/vcr_cassettes/listing_photos.yml: downloadURL values end in "/${f}?o=…", and icloudpd
//   requests them with "$%7Bf%7D" unchanged);
// - the address is its own credential: no cookie is needed (the recorded request carries none);
// - the answer is application/octet-stream with Accept-Ranges: bytes and a Content-Disposition
//   naming the file after the address's last segment (the recorded answer names "${f}");
// - a download resumes with Range: bytes=N- (icloudpd photos.py `download_asset`), 206 with
//   Content-Range; beyond the end 416;
// - an address stops working after its expiry; after `expireAddresses()` earlier ones answer 403
//   (the status is an assumption: no project records an expired address);
// - `throttle(n)`: the next n downloads answer 503 with Retry-After: 1.
import { createServer, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { LOOPBACK, listenOnLoopback } from '../free-port';
import { answerRange } from '../byte-range';

export interface ContentHost {
  origin: string;
  /** A fresh download address for these bytes. */
  addressFor(bytes: Uint8Array, zone: string): string;
  expireAddresses(): void;
  throttle(requests: number): void;
  /** Downloads answered, as "<status> <range or ->". */
  log: string[];
  stop(): Promise<void>;
}

const LIFETIME_SECONDS = 3600;

export async function startContentHost(): Promise<ContentHost> {
  const addresses = new Map<string, { bytes: Uint8Array; generation: number }>();
  let generation = 1;
  let throttled = 0;
  const log: string[] = [];

  const server: Server = createServer((req, res) => {
    const range = req.headers.range ?? null;
    const answer = (status: number, headers: Record<string, string | number> = {}, body: Uint8Array | string = '') => {
      log.push(`${status} ${range ?? '-'}`);
      res.writeHead(status, headers).end(body);
    };
    const url = new URL(req.url ?? '/', 'http://x');
    const match = /^\/B\/([A-Za-z0-9_-]+)\/[^/]+$/.exec(url.pathname);
    const found = match ? addresses.get(match[1]!) : undefined;
    if (req.method !== 'GET' || !found || url.searchParams.get('o') !== match![1]) return answer(404);
    if (found.generation < generation) return answer(403, {}, 'Expired');
    if (throttled > 0) return (throttled--, answer(503, { 'Retry-After': '1' }));
    const part = answerRange(range, found.bytes);
    const name = encodeURIComponent(decodeURIComponent(url.pathname.split('/').pop()!));
    const file = { 'Content-Type': 'application/octet-stream', 'Accept-Ranges': 'bytes', 'Content-Disposition': `attachment; filename="${name}"; filename*=UTF-8''${name}` };
    answer(part.status, { ...(part.status === 416 ? {} : file), ...part.headers }, part.body);
  });
  const origin = `http://${LOOPBACK}:${await listenOnLoopback(server)}`;
  return {
    origin,
    addressFor(bytes, zone) {
      const token = randomBytes(24).toString('base64url');
      addresses.set(token, { bytes, generation });
      const expiry = Math.floor(Date.now() / 1000) + LIFETIME_SECONDS;
      return `${origin}/B/${token}/\${f}?o=${token}&v=1&x=3&e=${expiry}&fl=&ckc=com.apple.photos.cloud&ckz=${encodeURIComponent(zone)}&y=1&p=10`;
    },
    expireAddresses: () => void generation++,
    throttle: (requests) => void (throttled = requests),
    log,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
