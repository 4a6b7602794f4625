// An imported item whose UID the mirror holds with another text: both texts are kept, and
// the report counts it. Neither text is lost, pruned, or silently left out.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { importIntoMirror } from '../../src/restore/import-into-mirror';
import { readFileToImport } from '../../src/restore/import-file';
import { readers } from '../../src/sync/readers';
import type { LifeboatDb } from '../../src/db/schema';
import { freshDb } from '../support/test-db';
import { contentKey } from '../../src/restore/same-content';

// A real iCloud export (test/fixtures/vcard), and the same card edited on another device.
const ICLOUD = readFileSync('test/fixtures/vcard/v30-icloud.vcf', 'utf8');
const EDITED = ICLOUD.replace(/^(FN:.*)$/m, '$1 (work)');
const uidOf = (raw: string) => /^UID:(.*?)\r?$/m.exec(raw)?.[1];

async function importText(db: LifeboatDb, name: string, text: string) {
  const { label, parts } = await readFileToImport(new File([text], name));
  return importIntoMirror(db, label, parts, readers, 5_000);
}

const textsOf = async (db: LifeboatDb, uid: string) => (await db.items.filter((item) => item.uid === uid).toArray()).map((item) => item.raw).sort();

describe('importing an item whose UID the mirror holds with another text', () => {
  it('keeps both texts when the UID is held by another collection, and says so', async () => {
    expect(EDITED).not.toBe(ICLOUD);
    const uid = uidOf(ICLOUD)!;
    const db = freshDb();
    await importText(db, 'phone.vcf', ICLOUD);
    const report = await importText(db, 'laptop.vcf', EDITED);
    expect(report).toMatchObject({ added: 1, differed: 1, alreadyInMirror: 0 });
    expect(await textsOf(db, uid)).toEqual([EDITED, ICLOUD].sort());

    const again = await importText(db, 'laptop.vcf', EDITED);
    expect(again).toMatchObject({ added: 0, differed: 0, alreadyInMirror: 1 });
    const same = await importText(db, 'tablet.vcf', ICLOUD);
    expect(same).toMatchObject({ added: 0, differed: 0, alreadyInMirror: 1 });
  });

  it('keeps both when the same file comes again with the text changed, neither as a version', async () => {
    const uid = uidOf(ICLOUD)!;
    const db = freshDb();
    await importText(db, 'friends.vcf', ICLOUD);
    const report = await importText(db, 'friends.vcf', EDITED);
    expect(report).toMatchObject({ added: 1, differed: 1 });
    expect(await textsOf(db, uid)).toEqual([EDITED, ICLOUD].sort());
    expect(await db.versions.count()).toBe(0);
    expect((await db.items.toArray()).filter((item) => item.live === 1)).toHaveLength(2);
    expect(await importText(db, 'friends.vcf', EDITED)).toMatchObject({ added: 0, differed: 0, alreadyInMirror: 1 });
  });
});

describe('one file holding a UID twice with two texts', () => {
  it('keeps both, once, however often the file comes', async () => {
    const db = freshDb();
    const report = await importText(db, 'merged.vcf', ICLOUD + EDITED + ICLOUD);
    expect(report).toMatchObject({ added: 2, differed: 1, alreadyInMirror: 1 });
    expect(await textsOf(db, uidOf(ICLOUD)!)).toEqual([EDITED, ICLOUD].sort());
    expect(await importText(db, 'merged.vcf', ICLOUD + EDITED)).toMatchObject({ added: 0, differed: 0, alreadyInMirror: 2 });
  });
});

describe('contentKey', () => {
  const EVENT = readFileSync('test/fixtures/calendar/dst-overlap.ics', 'utf8');

  it('is the same for a calendar object re-wrapped, refolded, or with other line breaks', () => {
    const lf = EVENT.replace(/\r\n/g, '\n');
    const rewrapped = EVENT.replace(/^PRODID:.*$/m, 'PRODID:-//Another app//EN');
    const refolded = EVENT.replace(/^(SUMMARY:.{5})(.*)$/m, '$1\r\n $2');
    for (const same of [lf, rewrapped, refolded]) expect(contentKey('calendar', same)).toBe(contentKey('calendar', EVENT));
  });

  it('differs when a value differs', () => {
    expect(contentKey('calendar', EVENT.replace(/^SUMMARY:(.*)$/m, 'SUMMARY:$1!'))).not.toBe(contentKey('calendar', EVENT));
    expect(contentKey('addressbook', EDITED)).not.toBe(contentKey('addressbook', ICLOUD));
    expect(contentKey('addressbook', ICLOUD.replace(/\r\n/g, '\n'))).toBe(contentKey('addressbook', ICLOUD));
  });
});
