import { describe, expect, it } from 'vitest';
import { archiveContents } from '../../src/archive/archive-contents';
import { blobSink } from '../../src/archive/blob-sink';
import { writeArchive } from '../../src/archive/write-archive';
import { readFileToImport } from '../../src/restore/import-file';
import { importIntoMirror } from '../../src/restore/import-into-mirror';
import { countLive } from '../support/live-counts';
import { readers } from '../../src/sync/readers';
import type { LifeboatDb } from '../../src/db/schema';
import { BOOK, mirrorWorld } from '../support/mirror-world';
import { freshDb } from '../support/test-db';

async function backupFile(db: LifeboatDb): Promise<File> {
  const sink = blobSink('application/zip');
  await writeArchive(archiveContents(db), sink.writable, { createdAt: new Date('2026-11-23T10:00:00Z'), asOf: null, generator: 'test', accounts: [] });
  return new File([sink.blob()], 'lifeboat-backup-2026-11-23-1000.zip');
}

/** An object's lines from its first event, task or journal to the last one's end. */
function componentLines(raw: string): string {
  const start = raw.search(/^BEGIN:(VEVENT|VTODO|VJOURNAL)/m);
  const end = raw.lastIndexOf('END:VCALENDAR');
  return raw.slice(start, end).replace(/\r?\n/g, '\r\n').trimEnd();
}

async function importInto(db: LifeboatDb, file: File) {
  const { label, parts } = await readFileToImport(file);
  return importIntoMirror(db, label, parts, readers, 5_000);
}

describe('import into the mirror', () => {
  it('brings a whole backup back into an empty mirror, the deleted items still marked deleted', async () => {
    const { db, source, syncAt } = await mirrorWorld();
    source.remove(BOOK, `${BOOK}3.vcf`);
    await syncAt(2_000);
    const file = await backupFile(db);

    const cleared = freshDb();
    const report = await importInto(cleared, file);
    expect(report).toMatchObject({ added: 8, alreadyInMirror: 0, failed: [] });
    const account = await cleared.accounts.get(report.accountId);
    expect(account).toMatchObject({ kind: 'local', label: 'Backup of 2026-11-23' });
    expect(await countLive(cleared)).toEqual({ contact: 2, event: 4, journal: 1, deleted: 1 });
    // Cards come back byte for byte; calendar objects keep every component as written, under
    // the calendar header of the .ics they travelled in.
    const originals = new Map((await db.items.toArray()).map((item) => [item.uid, item]));
    for (const item of await cleared.items.toArray()) {
      const original = originals.get(item.uid)!;
      if (item.kind === 'contact') expect(item.raw).toBe(original.raw);
      else expect(item.raw).toContain(componentLines(original.raw));
    }
  });

  it('adds nothing when the same backup is imported again', async () => {
    const { db } = await mirrorWorld();
    const file = await backupFile(db);
    const cleared = freshDb();
    await importInto(cleared, file);
    const versionsBefore = await cleared.versions.count();
    const again = await importInto(cleared, file);
    expect(again).toMatchObject({ added: 0, alreadyInMirror: 8 });
    expect(await cleared.items.count()).toBe(8);
    expect(await cleared.versions.count()).toBe(versionsBefore);
  });

  it('skips items whose UID the mirror already holds from a server', async () => {
    const { db } = await mirrorWorld();
    const report = await importInto(db, await backupFile(db));
    expect(report).toMatchObject({ added: 0, alreadyInMirror: 8 });
  });

  it('imports a plain .vcf, recording each card it cannot read and keeping the rest', async () => {
    const db = freshDb();
    const vcf = [
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:a\r\nFN:Ann\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:b\r\nFN:Bad \uFFFD byte\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nthis line has no colon\r\nEND:VCARD',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:No UID\r\nEND:VCARD',
      '',
    ].join('\r\n');
    const report = await importInto(db, new File([vcf], 'friends.vcf'));
    expect(report.added).toBe(2);
    expect(report.failed.map((f) => f.source)).toEqual(['friends.vcf', 'friends.vcf']);
    expect(report.failed[0]?.reason).toContain('not valid UTF-8');
    expect((await db.collections.toArray()).map((c) => c.displayName)).toEqual(['friends']);
    expect((await importInto(db, new File([vcf], 'friends.vcf'))).added).toBe(0);
  });

  it('says plainly when a file is neither a backup nor a .vcf or .ics', async () => {
    await expect(importInto(freshDb(), new File(['hello'], 'notes.txt'))).rejects.toThrow('not a zip archive');
  });
});
