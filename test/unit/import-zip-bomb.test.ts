// A zip bomb among real contacts and events: the bomb is refused by name, everything else is
// imported. The bomb (1 GiB of zeros, deflated to a few MB) is built here with Debian's `zip`
// from a pipe, so it never touches the disk whole and is never committed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileToImport } from '../../src/restore/import-file';
import { TEXT_CAPS, readBudget, readEntryCapped } from '../../src/archive/entry-caps';
import type { FileEntry } from '../../src/archive/zip';

const GIB = 1024 * 1024 * 1024;
const CARD = 'test/fixtures/vcard/v30-icloud.vcf';
const EVENTS = 'test/fixtures/calendar/outlook-windows-tz.ics';
let dir: string;
let bombZip: Uint8Array<ArrayBuffer>;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'zip-bomb-'));
  copyFileSync(CARD, join(dir, 'contacts.vcf'));
  copyFileSync(EVENTS, join(dir, 'events.ics'));
  const zip = join(dir, 'mixed.zip');
  // -fz-: no Zip64, so the sizes sit in the 32-bit fields a test can rewrite below.
  execFileSync('sh', ['-c', `head -c ${GIB} /dev/zero | zip -q -1 -fz- "${zip}" -`]);
  execFileSync('zipnote', ['-w', zip], { input: '@ -\n@=bomb.vcf\n' });
  execFileSync('zip', ['-q', '-j', zip, join(dir, 'contacts.vcf'), join(dir, 'events.ics')]);
  bombZip = new Uint8Array(readFileSync(zip));
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The zip with the bomb's declared uncompressed size replaced wherever it is stated: its
 * central directory record (APPNOTE 4.3.12), its local header (4.3.7) and a data descriptor
 * after its data if it has one (4.3.9). zip.js compares them, so the lie is made consistent
 * and only the bytes themselves can give the bomb away.
 */
function declaring(zip: Uint8Array<ArrayBuffer>, size: number): Uint8Array<ArrayBuffer> {
  const copy = Buffer.from(zip);
  for (let at = copy.indexOf('PK\x01\x02', 0, 'latin1'); at !== -1; at = copy.indexOf('PK\x01\x02', at + 4, 'latin1')) {
    const nameLength = copy.readUInt16LE(at + 28);
    if (copy.toString('latin1', at + 46, at + 46 + nameLength) !== 'bomb.vcf') continue;
    copy.writeUInt32LE(size, at + 24);
    const local = copy.readUInt32LE(at + 42);
    const dataEnd = local + 30 + copy.readUInt16LE(local + 26) + copy.readUInt16LE(local + 28) + copy.readUInt32LE(at + 20);
    copy.writeUInt32LE(size, local + 22);
    if (copy.toString('latin1', dataEnd, dataEnd + 4) === 'PK\x07\x08') copy.writeUInt32LE(size, dataEnd + 12);
  }
  return new Uint8Array(copy);
}

const names = (parts: Array<{ source: string }>) => parts.map((part) => part.source).sort();

describe('importing a zip with a bomb in it', () => {
  it('refuses the bomb by the sizes it declares, and imports the rest', async () => {
    const result = await readFileToImport(new File([bombZip], 'mixed.zip'));
    expect(result.skipped).toEqual([{ name: 'bomb.vcf', reason: 'bomb' }]);
    expect(names(result.parts)).toEqual(['contacts.vcf', 'events.ics']);
    expect(result.parts.find((part) => part.source === 'contacts.vcf')?.text).toBe(readFileSync(CARD, 'utf8'));
  });

  it('refuses a bomb that declares a small size: zip.js stops at the declared size, the entry is reported', async () => {
    const before = process.memoryUsage().arrayBuffers;
    const result = await readFileToImport(new File([declaring(bombZip, 1000)], 'mixed.zip'));
    expect(result.skipped).toEqual([{ name: 'bomb.vcf', reason: 'damaged' }]);
    expect(names(result.parts)).toEqual(['contacts.vcf', 'events.ics']);
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(32 * 1024 * 1024);
  });

  it('stops at the total cap and names the entries left out', async () => {
    const small = readFileSync(CARD).length;
    const caps = { ...TEXT_CAPS, total: small + 10 };
    const withoutBomb = new File([declaring(bombZip, 0)], 'mixed.zip');
    const result = await readFileToImport(withoutBomb, { ...caps, maxRatio: Number.POSITIVE_INFINITY });
    expect(result.skipped.map((entry) => entry.reason)).toContain('total');
    expect(result.skipped.map((entry) => entry.name)).toContain('events.ics');
    expect(names(result.parts)).toEqual(['contacts.vcf']);
  });

  it('refuses a single picked .vcf over the cap without reading it', async () => {
    const result = await readFileToImport(new File(['x'.repeat(2048)], 'huge.vcf'), { ...TEXT_CAPS, perEntry: 1024 });
    expect(result).toMatchObject({ parts: [], skipped: [{ name: 'huge.vcf', reason: 'tooBig' }] });
  });
});

/** An entry whose declared sizes pass every check and whose data then keeps coming. */
function endlessEntry(compressedSize: number): { entry: FileEntry; written: () => number } {
  let written = 0;
  const entry = {
    filename: 'liar.vcf',
    compressedSize,
    uncompressedSize: 10,
    async getData(sink: WritableStream<Uint8Array>) {
      const writer = sink.getWriter();
      const chunk = new Uint8Array(64 * 1024);
      for (;;) {
        await writer.write(chunk);
        written += chunk.length;
      }
    },
  } as unknown as FileEntry;
  return { entry, written: () => written };
}

describe('reading an entry whose bytes outgrow what it declares', () => {
  it('stops a highly compressed one as a bomb once past 1 MB and 100:1', async () => {
    const { entry, written } = endlessEntry(20 * 1024);
    expect(await readEntryCapped(entry, readBudget())).toEqual({ name: 'liar.vcf', reason: 'bomb' });
    expect(written()).toBeLessThan(2 * 1024 * 1024 + 1);
  });

  it('stops any one at the per-entry cap, and its bytes do not count against the total', async () => {
    const budget = readBudget({ ...TEXT_CAPS, perEntry: 4 * 1024 * 1024 });
    const { entry, written } = endlessEntry(1024 * 1024 * 1024);
    expect(await readEntryCapped(entry, budget)).toEqual({ name: 'liar.vcf', reason: 'tooBig' });
    expect(written()).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(budget.used).toBe(0);
  });
});
