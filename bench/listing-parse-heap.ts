// What reading one long member listing costs the heap: a sync-collection answer of `members`
// contacts as Radicale writes it (href, ETag, content type, then the sync token), read by the
// worker's own multistatus reader (src/providers/dav/dav-multistatus.ts). Prints the answer's
// size, the time, the heap's rise over the read (sampled at its end, before any collection: the
// read is synchronous) and what stays once garbage is collected (the entries themselves).
// Run: `node --expose-gc --import tsx bench/listing-parse-heap.ts [members]`.
import { parseMultistatus } from '../src/providers/dav/dav-multistatus';

const members = Number(process.argv[2] ?? 100_000);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('Run with node --expose-gc.');

const responses = Array.from(
  { length: members },
  (_, i) =>
    `<response><href>/alice/contacts/${i.toString(16).padStart(8, '0')}-bench-card-${i}.vcf</href><propstat><prop>` +
    `<getetag>"${(i * 2654435761).toString(16)}"</getetag><getcontenttype>text/vcard; charset=utf-8</getcontenttype></prop>` +
    '<status>HTTP/1.1 200 OK</status></propstat></response>',
);
const body = `<?xml version="1.0" encoding="utf-8"?>\n<multistatus xmlns="DAV:">${responses.join('\n')}<sync-token>http://radicale.org/ns/sync/1</sync-token></multistatus>`;
responses.length = 0;

const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
gc();
const before = process.memoryUsage().heapUsed;
const started = performance.now();
const read = parseMultistatus(body, 'http://127.0.0.1:5232/alice/contacts/');
const ms = performance.now() - started;
const risen = process.memoryUsage().heapUsed - before;
gc();
const kept = process.memoryUsage().heapUsed - before;
console.log(`${members} members, answer ${mb(body.length)}: ${read?.entries.length} entries in ${ms.toFixed(0)} ms; heap risen ${mb(risen)} by the read's end, ${mb(kept)} kept after collection`);
