// The floor under the .vcf's click to file: Chromium writing a file of the same size into
// Downloads, started from an extension page with `downloads.download`, timed until the download
// is complete, as Lifeboat's click is. Two floors, each taken in turns with Lifeboat's own click
// (the popup's command through the worker, the ready pages) on one mirror:
// - memory: a Blob of random printable bytes already in the page's memory, made before the clock
//   starts: no database, no offscreen document, no message;
// - stored pages: a Blob of the ready pages' own stored Blobs, read from IndexedDB in the page
//   (what Lifeboat's offscreen document does, without the worker and the messages);
// - one stored file: the same bytes kept as one Blob in one record of a scratch database (stored
//   before the clock starts), read and downloaded: whether the pages' number costs anything.
// Every downloaded file is removed after its round. Needs `npm run build`.
// Run: `npx tsx bench/download-floor.ts [contacts] [--rounds n]`.
import { loadavg } from 'node:os';
import { argValue, countArg } from './cli-args';
import { lifeboatWithMirror, seededMirror } from './export-bench-browser';
import { command } from './lifeboat-browser';
import { readyExports } from './lifeboat-in-chromium';
import { median } from './timing';

const contacts = countArg(10_000);
const rounds = Number(argValue('--rounds') ?? 7);
const source = await seededMirror('download-floor', contacts);
const lifeboat = await lifeboatWithMirror(source);

interface Download {
  ms: number;
  bytes: number;
}

type Way = 'lifeboat' | 'memory' | 'stored pages' | 'one stored file';

/** Runs in the options page: downloads `window.floorBlob`, the ready pages or the one stored file, and waits for the end. */
function downloadInPage(from: Exclude<Way, 'lifeboat'>): Promise<Download> {
  const holder = window as unknown as { floorBlob: Blob };
  const readAll = (database: string, store: string) =>
    new Promise<unknown[]>((resolve, reject) => {
      const open = indexedDB.open(database);
      open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
      open.onsuccess = () => {
        const db = open.result;
        const request = db.transaction(store, 'readonly').objectStore(store).getAll();
        request.onsuccess = () => {
          db.close();
          resolve(request.result);
        };
        request.onerror = () => reject(request.error ?? new Error('The records were not read'));
      };
    });
  const storedPages = async () => {
    const pages = ((await readAll('lifeboat', 'exportPages')) as Array<{ kind: string; n: number; bytes?: Blob }>).filter((page) => page.kind === 'contacts').sort((a, b) => a.n - b.n);
    return new Blob(pages.map((page) => page.bytes ?? ''));
  };
  const oneStoredFile = async () => ((await readAll('download-floor', 'files')) as Blob[])[0]!;
  return (async () => {
    const start = performance.now();
    const blob = from === 'memory' ? holder.floorBlob : from === 'stored pages' ? await storedPages() : await oneStoredFile();
    const url = URL.createObjectURL(blob);
    const id = await chrome.downloads.download({ url, filename: 'download-floor.vcf', conflictAction: 'uniquify', saveAs: false });
    await new Promise<void>((resolve, reject) => {
      const check = (delta: chrome.downloads.DownloadDelta) => {
        if (delta.id !== id || !delta.state?.current || delta.state.current === 'in_progress') return;
        chrome.downloads.onChanged.removeListener(check);
        if (delta.state.current === 'complete') resolve();
        else reject(new Error(`The download ended ${delta.state.current}`));
      };
      chrome.downloads.onChanged.addListener(check);
    });
    const ms = performance.now() - start;
    URL.revokeObjectURL(url);
    return { ms, bytes: blob.size };
  })();
}

/** Removes every finished download's file, so the rounds do not fill the disk, and returns the last one's size. */
function clearDownloads(): Promise<number> {
  return (async () => {
    const items = await chrome.downloads.search({ state: 'complete', orderBy: ['-startTime'] });
    for (const item of items) {
      await chrome.downloads.removeFile(item.id).catch(() => undefined);
      await chrome.downloads.erase({ id: item.id });
    }
    return items[0]?.fileSize ?? 0;
  })();
}

try {
  // tsx names the page functions' inner functions with a helper the page lacks.
  await lifeboat.page.evaluate('globalThis.__name = (f) => f');
  // A first click of each kind builds the ready pages (a copied mirror has had no run to build
  // them), gives the file's size, and warms the extension's files and the database.
  await command(lifeboat, 'exportCalendars', {});
  await command(lifeboat, 'exportContacts', {});
  await readyExports(lifeboat);
  const bytes = await lifeboat.page.evaluate(clearDownloads);
  await lifeboat.page.evaluate((size) => {
    // Random printable bytes, as incompressible as the .vcf's photos (base64): made once, outside the clock.
    const chunk = new Uint8Array(new ArrayBuffer(1 << 20));
    const parts: Array<Uint8Array<ArrayBuffer>> = [];
    for (let made = 0; made < size; made += chunk.length) {
      for (let at = 0; at < chunk.length; at += 65_536) crypto.getRandomValues(chunk.subarray(at, at + 65_536));
      const part = chunk.slice(0, Math.min(chunk.length, size - made)).map((byte) => 33 + (byte % 90));
      parts.push(part);
    }
    const blob = new Blob(parts);
    (window as unknown as { floorBlob: Blob }).floorBlob = blob;
    // The one stored file: the same bytes in one record of a scratch database.
    return new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('download-floor', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('files');
      open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
      open.onsuccess = () => {
        const tx = open.result.transaction('files', 'readwrite');
        tx.objectStore('files').put(blob, 1);
        tx.oncomplete = () => {
          open.result.close();
          resolve();
        };
        tx.onerror = () => reject(tx.error ?? new Error('The file was not stored'));
      };
    });
  }, bytes);
  const times: Record<Way, number[]> = { lifeboat: [], memory: [], 'stored pages': [], 'one stored file': [] };
  const loads: number[] = [];
  for (let round = 0; round < rounds; round++) {
    loads.push(loadavg()[0]!);
    const order = (['lifeboat', 'memory', 'stored pages', 'one stored file'] as const).map((_, i, all) => all[(i + round) % all.length]!);
    for (const which of order) {
      if (which === 'lifeboat') times.lifeboat.push((await command(lifeboat, 'exportContacts', {})).ms);
      else times[which].push((await lifeboat.page.evaluate(downloadInPage, which)).ms);
      await lifeboat.page.evaluate(clearDownloads);
    }
  }
  console.log(`${rounds} rounds in turns, ${(bytes / 1e6).toFixed(1)} MB .vcf of ${contacts} contacts, load average ${Math.min(...loads).toFixed(1)} to ${Math.max(...loads).toFixed(1)}`);
  for (const [name, ms] of Object.entries(times)) {
    console.log(`${name}: median ${median(ms).toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(' ')})`);
  }
} finally {
  await lifeboat.close();
}
