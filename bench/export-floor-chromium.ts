// What Chromium itself costs for a .vcf of the bench's size, each step measured in isolation in
// the extension's options page on the copied mirror (export-mirror.ts, copy-mirror.ts): the
// contacts read from the items store (one getAll on the index the export uses, and one on the
// primary-key range of the address book: an item's id begins with its collection's), the same texts
// as UTF-8 bytes read from a store of their own (one record per card, and one record holding
// them all), a Blob made of the texts as strings or as bytes, and the download of that Blob
// (chrome.downloads, from the call until the file is complete). Three rounds of each; the
// load average is printed with each round, as the machine is shared.
// Needs `npm run build`. Run: `npx tsx bench/export-floor-chromium.ts [contacts]`.
import { loadavg } from 'node:os';
import { lifeboatWithMirror, seededMirror } from './export-bench-browser';

/** Runs in the options page: one round of every step, in ms. */
async function round(): Promise<Record<string, number>> {
  const request = <T>(r: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error(String(r.error)));
    });
  const done = (tx: IDBTransaction) =>
    new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
  const open = (name: string, upgrade?: (db: IDBDatabase) => void) => {
    const r = indexedDB.open(name, 1);
    if (upgrade) r.onupgradeneeded = () => upgrade(r.result);
    return request(r);
  };
  const ms: Record<string, number> = {};
  const timed = async <T>(name: string, step: () => Promise<T> | T): Promise<T> => {
    const start = performance.now();
    const result = await step();
    ms[name] = performance.now() - start;
    return result;
  };
  const lifeboat = await request(indexedDB.open('lifeboat'));
  type Item = { id: string; title: string; raw: string };
  const items = await timed('items getAll (whole records)', async () => {
    // Every live contact, address book by address book (no index holds the items by kind since schema 13).
    const read = lifeboat.transaction(['collections', 'items']);
    const books = ((await request(read.objectStore('collections').getAll())) as Array<{ id: string; kind: string }>).filter((c) => c.kind === 'addressbook');
    const byBook = await Promise.all(books.map((book) => request(read.objectStore('items').index('[collectionId+live]').getAll([book.id, 1]) as IDBRequest<Item[]>)));
    return byBook.flat();
  });
  const collectionId = (items[0] as Item & { collectionId: string }).collectionId;
  // Items are keyed by a digest since schema 11, so a collection is no range of keys: its index.
  await timed('items getAll on the collection\'s live items', () =>
    request(lifeboat.transaction('items').objectStore('items').index('[collectionId+live]').getAll([collectionId, 1])),
  );
  lifeboat.close();
  const texts = items.map((item) => item.raw);
  ms['MB of text'] = texts.reduce((sum, text) => sum + text.length, 0) / 1e6;
  const encoder = new TextEncoder();
  const bytes = await timed('UTF-8 encode, one buffer per card', () => texts.map((text) => encoder.encode(text)));
  ms['MB of UTF-8'] = bytes.reduce((sum, b) => sum + b.byteLength, 0) / 1e6;
  indexedDB.deleteDatabase('export-floor');
  const slim = await open('export-floor', (db) => {
    db.createObjectStore('cards', { keyPath: 'id' });
    db.createObjectStore('whole');
  });
  const write = slim.transaction(['cards', 'whole'], 'readwrite');
  items.forEach((item, index) => write.objectStore('cards').put({ id: item.id, title: item.title, bytes: bytes[index] }));
  const all = new Uint8Array(bytes.reduce((sum, b) => sum + b.byteLength, 0));
  let at = 0;
  for (const b of bytes) {
    all.set(b, at);
    at += b.byteLength;
  }
  write.objectStore('whole').put(all, 'file');
  await done(write);
  await timed('slim getAll (id, title, UTF-8 bytes)', () => request(slim.transaction('cards').objectStore('cards').getAll()));
  await timed('one record of all the bytes', () => request(slim.transaction('whole').objectStore('whole').get('file')));
  slim.close();
  indexedDB.deleteDatabase('export-floor');
  const parts = texts.map((text) => `${text}\r\n`);
  await timed('Blob of strings, one part per card', () => new Blob(parts, { type: 'text/vcard' }).size);
  await timed('Blob of strings, cards joined by + into parts of about 1 MB', () => {
    const joined: string[] = [''];
    for (const part of parts) {
      if (joined[joined.length - 1]!.length > 1e6) joined.push(part);
      else joined[joined.length - 1] += part;
    }
    return new Blob(joined, { type: 'text/vcard' }).size;
  });
  const blob = await timed('Blob of bytes, one part per card', () => new Blob(bytes, { type: 'text/vcard' }));
  const url = URL.createObjectURL(blob);
  const id = await timed('downloads.download until started', () => chrome.downloads.download({ url, filename: `floor-${Date.now()}.vcf`, saveAs: false, conflictAction: 'uniquify' }));
  await timed('then until complete', () => new Promise<void>((resolve) => {
    const poll = () => void chrome.downloads.search({ id }).then(([item]) => (item?.state === 'complete' ? resolve() : setTimeout(poll, 5)));
    poll();
  }));
  URL.revokeObjectURL(url);
  return ms;
}

const contacts = Number(process.argv[2] ?? 10_000);
const source = await seededMirror('export-floor-chromium', contacts);
const lifeboat = await lifeboatWithMirror(source);
try {
  // tsx names the page function's inner functions with a helper the page lacks.
  await lifeboat.page.evaluate('globalThis.__name = (f) => f');
  for (let at = 0; at < 3; at++) {
    const load = loadavg()[0]!.toFixed(1);
    const ms = await lifeboat.page.evaluate(round);
    console.log(`round ${at + 1} (load ${load}):`);
    for (const [name, value] of Object.entries(ms)) console.log(`  ${name}: ${name.startsWith('MB') ? value.toFixed(1) : `${value.toFixed(0)} ms`}`);
  }
} finally {
  await lifeboat.close();
}
