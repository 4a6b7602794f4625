// Micro benchmark of the multistatus parse the mirror runs on every multiget answer:
// `npx tsx scripts/bench-multistatus-parse.ts`. Builds one addressbook-multiget answer of
// 1,000 contacts (about 1.5 MB, as Radicale writes it, CRs raw) and one with a share of 30 KB
// photos, parses each several times and prints the median. Under load compare the two
// figures of one run, not runs on different days.
import { parseMultistatus } from '../src/providers/dav/dav-multistatus';

function card(i: number, photo: number): string {
  const lines = [
    'BEGIN:VCARD', 'VERSION:4.0', `UID:uid-${i}`, `FN:Person Number ${i}`, `N:Number;Person;;;`,
    `EMAIL;TYPE=work:person${i}@example.com`, `TEL;TYPE=cell:+1 555 01${String(i).padStart(4, '0')}`,
    `ADR;TYPE=home:;;${i} Main Street;Springfield;;12345;USA`, `NOTE:Met at the conference &amp; dinner &lt;${i}&gt;`,
  ];
  if (photo > 0) lines.push(`PHOTO:data:image/jpeg;base64,${'A'.repeat(photo)}`);
  lines.push('END:VCARD', '');
  return lines.join('\r\n');
}

function answer(count: number, photoEvery: number): string {
  const parts = ['<?xml version="1.0" encoding="utf-8"?>\n<multistatus xmlns="DAV:" xmlns:CR="urn:ietf:params:xml:ns:carddav">'];
  for (let i = 0; i < count; i++) {
    const data = card(i, photoEvery > 0 && i % photoEvery === 0 ? 30_000 : 0);
    parts.push(
      `<response><href>/u/contacts/${i}.vcf</href><propstat><prop><getetag>"etag-${i}"</getetag>` +
        `<CR:address-data>${data}</CR:address-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>`,
    );
  }
  parts.push('</multistatus>');
  return parts.join('');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

for (const [name, body] of [['1,000 plain contacts', answer(1000, 0)], ['1,000 contacts, 1 in 10 with a 30 KB photo', answer(1000, 10)]] as const) {
  const times: number[] = [];
  let entries = 0;
  for (let run = 0; run < 7; run++) {
    const start = performance.now();
    entries = parseMultistatus(body, 'http://127.0.0.1/u/contacts/')?.entries.length ?? 0;
    times.push(performance.now() - start);
  }
  console.log(`${name}: ${(body.length / 1e6).toFixed(2)} MB, ${entries} entries, median ${median(times).toFixed(1)} ms of 7`);
}
