// The floor under the .vcf's click to file: Chromium writing a file of the same size into
// Downloads, started from an extension page with `downloads.download`, timed until the download
// is complete, as Lifeboat's click is. Two floors, each taken in turns with Lifeboat's own click
// (the popup's command through the worker, the ready pages) on one mirror:
// - memory: a Blob of random printable bytes already in the page's memory, made before the clock
//   starts: no database, no offscreen document, no message;
// - stored pages: a Blob of the ready pages' own stored Blobs, read from IndexedDB in the page
//   (what Lifeboat's offscreen document does, without the worker and the messages).
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

/** Runs in the options page: downloads `window.floorBlob` (or the ready pages') and waits for the end. */
function downloadInPage(from: 'memory' | 'stored pages'): Promise<Download> {
  const holder = window as unknown as { floorBlob: Blob };
  const storedPages = () =>
    new Promise<Blob>((resolve, reject) => {
      const open = indexedDB.open('lifeboat');
      open.onerror = () => reject(open.error ?? new Error('IndexedDB did not open'));
      open.onsuccess = () => {
        const db = open.result;
        const request = db.transaction('exportPages', 'readonly').objectStore('exportPages').getAll();
        request.onsuccess = () => {
          db.close();
          const pages = (request.result as Array<{ kind: string; n: number; bytes?: Blob }>).filter((page) => page.kind === 'contacts').sort((a, b) => a.n - b.n);
          resolve(new Blob(pages.map((page) => page.bytes ?? '')));
        };
        request.onerror = () => reject(request.error ?? new Error('The pages were not read'));
      };
    });
  return (async () => {
    const start = performance.now();
    const blob = from === 'memory' ? holder.floorBlob : await storedPages();
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
    (window as unknown as { floorBlob: Blob }).floorBlob = new Blob(parts);
  }, bytes);
  const times: Record<'lifeboat' | 'memory' | 'stored pages', number[]> = { lifeboat: [], memory: [], 'stored pages': [] };
  const loads: number[] = [];
  for (let round = 0; round < rounds; round++) {
    loads.push(loadavg()[0]!);
    const order = (['lifeboat', 'memory', 'stored pages'] as const).map((_, i, all) => all[(i + round) % all.length]!);
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
