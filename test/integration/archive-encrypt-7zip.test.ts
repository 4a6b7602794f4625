// An encrypted backup (AES-256 zip, WinZip AE-2) opened by 7-Zip, which knows nothing of
// Lifeboat: `7zz x -p…` extracts every file byte for byte as the manifest describes it, a wrong
// passphrase extracts nothing, and no entry's content can be read from the zip without it.
// Lifeboat's own "Verify a backup" and import read it with the passphrase, and say clearly
// what is needed without it. The mirror holds the repository's real-world card and calendar
// fixtures (the same as archive-interop.test.ts).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, mkdtempSync, openAsBlob, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { archiveContents } from '../../src/archive/archive-contents';
import { writeArchive } from '../../src/archive/write-archive';
import type { ArchiveManifest } from '../../src/archive/archive-manifest';
import { verifyArchive } from '../../src/archive/verify-archive';
import { EncryptedArchiveError, openArchive } from '../../src/archive/open-archive';
import { loadFixtures as cardFixtures } from '../unit/vcard-export-helpers';
import { loadFixtures as calendarFixtures } from '../unit/calendar-helpers';
import { mirrorWorld } from '../support/mirror-world';
import { readFileToImport } from '../../src/restore/import-file';

const SEVEN_ZIP = '/usr/bin/7zz';
const dir = mkdtempSync(join(tmpdir(), 'lifeboat-archive-encrypt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const sevenZip = (args: string[]) => spawnSync(SEVEN_ZIP, args, { encoding: 'utf8', timeout: 120_000 });

async function encryptedBackup(name: string, password: string): Promise<{ path: string; manifest: ArchiveManifest; fn: string }> {
  const cards = cardFixtures().map((f) => f.raw);
  const { db } = await mirrorWorld({ cards, calendars: calendarFixtures().map((f) => f.raw) });
  const path = join(dir, name);
  const manifest = await writeArchive(archiveContents(db), Writable.toWeb(createWriteStream(path)) as WritableStream<Uint8Array>, {
    createdAt: new Date(),
    asOf: null,
    generator: 'Lifeboat test',
    accounts: [],
    password,
  });
  // A name from a card, to look for in the zip's bytes.
  const fn = /\nFN[^:]*:([^\r\n]{6,})/.exec(cards.join('\n'))?.[1] ?? '';
  return { path, manifest, fn };
}

function extractAndCompare(path: string, password: string, manifest: ArchiveManifest): void {
  const out = mkdtempSync(join(dir, 'out-'));
  const run = sevenZip(['x', `-p${password}`, `-o${out}`, '-y', path]);
  expect(run.stdout + run.stderr).toMatch(/Everything is Ok/);
  expect(run.status).toBe(0);
  for (const file of manifest.files) {
    const bytes = readFileSync(join(out, file.path));
    expect([file.path, bytes.length, sha256(bytes)]).toEqual([file.path, file.bytes, file.sha256]);
  }
  expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(manifest)));
  expect(readFileSync(join(out, 'README.txt'), 'utf8')).toContain('manifest.json');
}

describe('an encrypted backup opened in 7-Zip', () => {
  let backup: Awaited<ReturnType<typeof encryptedBackup>>;
  const PASSWORD = 'correct horse battery staple';
  beforeAll(async () => {
    backup = await encryptedBackup('encrypted.zip', PASSWORD);
  });

  it('lists every entry as AES-256, and its content is nowhere in the zip in clear', () => {
    const listing = sevenZip(['l', '-slt', `-p${PASSWORD}`, backup.path]).stdout;
    const methods = [...listing.matchAll(/^Method = (.+)$/gm)].map((m) => m[1]);
    expect(methods.length).toBe(backup.manifest.files.length + 2);
    for (const method of methods) expect(method).toMatch(/AES-256/);
    expect(backup.fn.length).toBeGreaterThan(5);
    const zip = readFileSync(backup.path);
    expect(zip.includes(Buffer.from(backup.fn))).toBe(false);
    expect(zip.includes(Buffer.from('"sha256"'))).toBe(false);
  });

  it('extracts every file byte for byte with the passphrase', () => {
    extractAndCompare(backup.path, PASSWORD, backup.manifest);
  });

  it('extracts nothing with a wrong passphrase', () => {
    const out = mkdtempSync(join(dir, 'wrong-'));
    const run = sevenZip(['x', '-pnot-the-passphrase', `-o${out}`, '-y', backup.path]);
    expect(run.status).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/Wrong password/i);
  });

  it('extracts with a passphrase beyond ASCII, as a person may type one', async () => {
    const unicode = 'Fjørd-Brücke ünd Ñandú 7';
    const other = await encryptedBackup('unicode.zip', unicode);
    extractAndCompare(other.path, unicode, other.manifest);
  });

  it('verifies with the passphrase in Lifeboat, and says what it needs without it', async () => {
    const blob = await openAsBlob(backup.path);
    const report = await verifyArchive(blob, { password: PASSWORD });
    expect(report.problems).toEqual([]);
    expect(report.verified).toBe(backup.manifest.files.length);
    await expect(verifyArchive(blob)).rejects.toThrow(EncryptedArchiveError);
    await expect(verifyArchive(blob)).rejects.toThrow(/encrypted: enter its passphrase/);
    await expect(openArchive(blob, { password: 'not the passphrase' })).rejects.toThrow(/does not open this backup/);
  });

  it('is refused by import with a sentence saying it is encrypted, rather than read as an empty zip', async () => {
    const file = Object.assign(await openAsBlob(backup.path), { name: 'encrypted.zip' });
    await expect(readFileToImport(file)).rejects.toThrow(/This backup is encrypted/);
  });
});
