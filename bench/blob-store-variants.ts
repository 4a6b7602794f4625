// What the shape of the photo bytes' store costs Chromium: the same files put 32 to a
// transaction in the extension's service worker into three stores, in turns. With an in-line
// key (`keyPath: 'id'`, the record `{ id, data }`), Blink takes the key from a structured clone
// of the value (the IndexedDB spec's "clone, then evaluate the key path"), so every file is
// deserialised once more into a new buffer before it is sent; with an out-of-line key the
// value is only serialised. Prints, per variant, the wall time and the CPU of every Chromium
// process per file, the median of the rounds.
// Run: `npx tsx bench/blob-store-variants.ts [files] [--kb <size>] [--rounds <n>] [--fill random|periodic]`.
import { groupCpuMs } from './process-cpu';
import { startLifeboat } from './lifeboat-browser';
import { median } from './timing';
import { argValue, countArg } from './cli-args';

const files = countArg(2000);
const kb = Number(argValue('--kb') ?? 128);
const rounds = Number(argValue('--rounds') ?? 3);
/** `random`: bytes as incompressible as a real JPEG's; `periodic`: the photo bench's filler, which Snappy shrinks below the wrapping threshold. */
const fill = argValue('--fill') ?? 'random';
const VARIANTS = ['in-line key { id, data }', 'out-of-line key { data }', 'out-of-line key, bytes alone', 'in-line key { id, data: Blob }', 'out-of-line key, in parts under 64 KB'] as const;

const lifeboat = await startLifeboat();
try {
  const worker = await lifeboat.ext.serviceWorker();
  const results = new Map<string, { ms: number[]; cpu: number[] }>(VARIANTS.map((v) => [v, { ms: [], cpu: [] }]));
  for (let round = 0; round < rounds; round++) {
    for (const [variant, name] of VARIANTS.entries()) {
      const cpu0 = groupCpuMs(lifeboat.ext.processGroup);
      // No named inner functions: the evaluated source must not refer to tsx's __name helper.
      const ms = await worker.evaluate(
        async ({ variant, files, bytes, dbName, periodic }) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open(dbName, 1);
            open.addEventListener('upgradeneeded', () => open.result.createObjectStore('files', variant === 0 || variant === 3 ? { keyPath: 'id' } : {}));
            open.addEventListener('success', () => resolve(open.result));
            open.addEventListener('error', () => reject(open.error ?? new Error('open failed')));
          });
          const started = performance.now();
          for (let at = 0; at < files; at += 32) {
            await new Promise<void>((resolve, reject) => {
              const tx = db.transaction('files', 'readwrite');
              const store = tx.objectStore('files');
              for (let i = at; i < Math.min(files, at + 32); i++) {
                const data = new Uint8Array(bytes);
                if (periodic) for (let b = 0; b < bytes; b++) data[b] = (i + b * 31) & 0x7f;
                else for (let b = 0; b < bytes; b += 65536) crypto.getRandomValues(data.subarray(b, b + 65536));
                const id = `account|/photos/${i}.jpg`;
                if (variant === 0) store.put({ id, data });
                else if (variant === 1) store.put({ data }, id);
                else if (variant === 2) store.put(data, id);
                else if (variant === 3) store.put({ id, data: new Blob([data]) });
                else for (let part = 0; part * 60000 < bytes; part++) store.put(data.slice(part * 60000, (part + 1) * 60000), `${id}#${part}`);
              }
              tx.addEventListener('complete', () => resolve());
              tx.addEventListener('error', () => reject(tx.error ?? new Error('write failed')));
            });
          }
          const ms = performance.now() - started;
          db.close();
          await new Promise((resolve) => {
            const deleting = indexedDB.deleteDatabase(dbName);
            deleting.addEventListener('success', resolve);
            deleting.addEventListener('error', resolve);
          });
          return ms;
        },
        { variant, files, bytes: kb * 1024, dbName: `bench-blob-store-${variant}`, periodic: fill === 'periodic' },
      );
      const result = results.get(name)!;
      result.ms.push(ms);
      result.cpu.push(groupCpuMs(lifeboat.ext.processGroup) - cpu0);
      console.log(`  round ${round + 1}, ${name}: ${Math.round(ms)} ms, CPU ${((groupCpuMs(lifeboat.ext.processGroup) - cpu0) / files).toFixed(2)} ms a file`);
    }
  }
  console.log(`\n${files} files of ${kb} KB (${fill} bytes), 32 to a transaction, medians of ${rounds} rounds:`);
  for (const [name, { ms, cpu }] of results) console.log(`  ${name.padEnd(30)} ${Math.round(median(ms))} ms, Chromium CPU ${(median(cpu) / files).toFixed(2)} ms a file`);
} finally {
  await lifeboat.close();
}
