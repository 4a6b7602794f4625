import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { TextWriter, Uint8ArrayReader, ZipWriter, configure } from '@zip.js/zip.js';
import { archiveContents } from '../../src/archive/archive-contents';
import { blobSink } from '../../src/archive/blob-sink';
import { openArchive } from '../../src/archive/open-archive';
import { verifyArchive } from '../../src/archive/verify-archive';
import { writeArchive } from '../../src/archive/write-archive';
import type { LifeboatDb } from '../../src/db/schema';
import { BOOK, CALENDAR_FIXTURES, mirrorWorld } from '../support/mirror-world';

configure({ useWebWorkers: false });

async function archiveOf(db: LifeboatDb, asOf?: number): Promise<Blob> {
  const sink = blobSink('application/zip');
  await writeArchive(archiveContents(db, asOf === undefined ? {} : { asOf }), sink.writable, {
    createdAt: new Date('2026-11-23T10:00:00Z'),
    asOf: asOf === undefined ? null : new Date(asOf),
    generator: 'Lifeboat test',
    accounts: [{ label: 'Test', server: 'https://dav.example.com/', username: 'alice' }],
  });
  return sink.blob();
}

async function textOf(blob: Blob, path: string): Promise<string> {
  const archive = await openArchive(blob);
  try {
    const entry = archive.entries.get(path);
    if (!entry) throw new Error(`no ${path} in ${[...archive.entries.keys()].join(', ')}`);
    return await entry.getData(new TextWriter());
  } finally {
    await archive.close();
  }
}

describe('backup archive', () => {
  it('holds one file per collection, the deleted items apart, a README and a manifest with counts and hashes', async () => {
    const { db, source, syncAt } = await mirrorWorld();
    source.remove(BOOK, `${BOOK}3.vcf`);
    await syncAt(2_000);

    const blob = await archiveOf(db);
    const { manifest, entries } = await openArchive(blob);
    expect([...entries.keys()].sort()).toEqual([
      'README.txt',
      'calendars/Test - Work.ics',
      'contacts/Test - Friends.vcf',
      'deleted-upstream/contacts/Test - Friends.vcf',
      'manifest.json',
    ]);
    expect(manifest?.totals).toEqual({ contacts: 3, events: 4, tasks: 0, journals: 1, photos: 0 });
    expect(manifest?.files.map((f) => [f.path, f.state, f.counts.contacts + f.counts.events + f.counts.journals])).toEqual([
      ['contacts/Test - Friends.vcf', 'live', 2],
      ['calendars/Test - Work.ics', 'live', CALENDAR_FIXTURES.length],
      ['deleted-upstream/contacts/Test - Friends.vcf', 'deleted-upstream', 1],
    ]);
    for (const file of manifest!.files) expect(file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const cards = ICAL.parse(await textOf(blob, 'contacts/Test - Friends.vcf')) as unknown[];
    expect(cards).toHaveLength(2);
    const calendar = new ICAL.Component(ICAL.parse(await textOf(blob, 'calendars/Test - Work.ics')) as unknown[]);
    expect(calendar.getAllSubcomponents('vevent').length + calendar.getAllSubcomponents('vjournal').length).toBeGreaterThanOrEqual(5);
    expect(await textOf(blob, 'README.txt')).toContain('3 contacts, 4 events');
  });

  it('verifies an intact archive, file by file', async () => {
    const { db } = await mirrorWorld();
    const report = await verifyArchive(await archiveOf(db));
    expect(report).toMatchObject({ ok: true, verified: 2, problems: [] });
  });

  it('reports a file changed after the archive was written, and one that is missing', async () => {
    const { db } = await mirrorWorld();
    const original = await openArchive(await archiveOf(db));
    const manifest = await original.entries.get('manifest.json')!.getData(new TextWriter());
    const sink = blobSink('application/zip');
    const zip = new ZipWriter(sink.writable);
    const encoder = new TextEncoder();
    await zip.add('manifest.json', new Uint8ArrayReader(encoder.encode(manifest)));
    const vcf = await original.entries.get('contacts/Test - Friends.vcf')!.getData(new TextWriter());
    await zip.add('contacts/Test - Friends.vcf', new Uint8ArrayReader(encoder.encode(vcf.replace('Person 1', 'Person X'))));
    await zip.add('stray.txt', new Uint8ArrayReader(encoder.encode('?')));
    await zip.close();

    const report = await verifyArchive(sink.blob());
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      { path: 'contacts/Test - Friends.vcf', problem: expect.stringContaining('SHA-256 does not match') as string },
      { path: 'calendars/Test - Work.ics', problem: 'missing from the archive' },
      { path: 'stray.txt', problem: 'not listed in the manifest' },
    ]);
  });

  it('says plainly when a file is not a backup at all', async () => {
    await expect(verifyArchive(new Blob(['hello']))).rejects.toThrow('not a zip archive');
    const sink = blobSink('application/zip');
    const zip = new ZipWriter(sink.writable);
    await zip.add('notes.txt', new Uint8ArrayReader(new TextEncoder().encode('hi')));
    await zip.close();
    const report = await verifyArchive(sink.blob());
    expect(report.problems[0]?.problem).toContain('manifest.json is missing');
  });

  it('holds the mirror as it was at a past moment, before a change', async () => {
    const { db, source, syncAt } = await mirrorWorld();
    source.put(BOOK, `${BOOK}1.vcf`, 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:u1\r\nFN:Renamed\r\nEND:VCARD\r\n');
    source.remove(BOOK, `${BOOK}2.vcf`);
    await syncAt(2_000);
    const blob = await archiveOf(db, 1_500);
    const vcf = await textOf(blob, 'contacts/Test - Friends.vcf');
    expect(vcf).toContain('FN:Person 1');
    expect(vcf).toContain('FN:Person 2');
    expect(vcf).not.toContain('Renamed');
    const { manifest } = await openArchive(blob);
    expect(manifest?.asOf).toBe(new Date(1_500).toISOString());
    expect(manifest?.files.some((f) => f.state === 'deleted-upstream')).toBe(false);
  });
});
