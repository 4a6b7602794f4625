// A backup archive, checked by tools that know nothing of Lifeboat: Python's zipfile unpacks
// it, hashlib checks every SHA-256 of the manifest, vobject reads every .vcf and icalendar and
// vobject every .ics. The mirror holds every fixture, hostile ones included (a 10 MB photo, a
// 5,000-occurrence rule, folded non-ASCII, a second card smuggled in with CR LF, malformed
// items): what could not be read is kept as served and named by the run with a reason; the
// archive holds what its builder accepts and lists the rest in its manifest, and is valid.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { archiveContents } from '../../src/archive/archive-contents';
import { writeArchive } from '../../src/archive/write-archive';
import { totalItems } from '../../src/archive/archive-manifest';
import { loadFixtures as cardFixtures } from '../unit/vcard-export-helpers';
import { loadFixtures as calendarFixtures } from '../unit/calendar-helpers';
import { mirrorWorld } from '../support/mirror-world';

const CHECK_WITH_PYTHON = `
import hashlib, json, sys, zipfile, icalendar, vobject
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None, 'a CRC-32 does not match'
manifest = json.loads(z.read('manifest.json'))
counts = {}
for f in manifest['files']:
    data = z.read(f['path'])
    assert hashlib.sha256(data).hexdigest() == f['sha256'], f['path'] + ': SHA-256 differs'
    assert len(data) == f['bytes'], f['path'] + ': size differs'
    text = data.decode('utf-8')
    if f['path'].endswith('.vcf'):
        counts[f['path']] = len(list(vobject.readComponents(text)))
    else:
        cal = icalendar.Calendar.from_ical(text)
        uids = {str(c.get('UID')) for c in cal.subcomponents if c.name != 'VTIMEZONE'}
        assert len(list(vobject.readComponents(text))) == 1
        counts[f['path']] = len(uids)
print(json.dumps({'counts': counts, 'readme': 'README.txt' in z.namelist()}))
`;

function photoCard(megabytes: number): string {
  const base64 = Buffer.alloc(megabytes * 1024 * 1024, 7).toString('base64');
  const folded = base64.match(/.{1,74}/g)!.join('\r\n ');
  return `BEGIN:VCARD\r\nVERSION:3.0\r\nUID:huge-photo\r\nFN:Huge Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:${folded}\r\nEND:VCARD\r\n`;
}

const INJECTED = 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:inject\r\nFN:Mallory\r\nNOTE:hello\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Smuggled\r\nEND:VCARD\r\n';

const dir = mkdtempSync(join(tmpdir(), 'lifeboat-archive-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a backup archive read by Python', () => {
  it('unpacks, every checksum matches, and every file parses with the item counts of the manifest', async () => {
    const cards = [...cardFixtures().map((f) => f.raw), photoCard(10), INJECTED];
    const calendars = calendarFixtures().map((f) => f.raw);
    const { db } = await mirrorWorld({ cards, calendars });
    // What the readers refused is kept as served and named by the run with its reason.
    const refused = await db.runs.toArray().then((runs) => runs.flatMap((r) => r.unreadable ?? []));
    expect(refused.length).toBeGreaterThan(0);
    for (const item of refused) expect(item.reason).not.toBe('');
    expect(refused.map((e) => e.reason)).toContain('More than one card in one item.');

    const path = join(dir, 'backup.zip');
    const manifest = await writeArchive(archiveContents(db), Writable.toWeb(createWriteStream(path)) as WritableStream<Uint8Array>, {
      createdAt: new Date(),
      asOf: null,
      generator: 'Lifeboat test',
      accounts: [],
    });
    // Every item is in the archive or listed in its manifest as left out, with the reason.
    expect(totalItems(manifest.totals) + manifest.skipped.length).toBe(await db.items.count());

    const run = spawnSync('/usr/bin/python3', ['-c', CHECK_WITH_PYTHON, path], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toContain('Traceback');
    expect(run.status).toBe(0);
    const read = JSON.parse(run.stdout) as { counts: Record<string, number>; readme: boolean };
    expect(read.readme).toBe(true);
    // Python counts UIDs: an item kept as served with two entries (malformed-two-uids) holds two.
    const extraUids = calendars.map((raw) => new Set(raw.match(/^UID:.*$/gm) ?? []).size - 1).reduce((sum, n) => sum + Math.max(n, 0), 0);
    expect(extraUids).toBe(1);
    for (const file of manifest.files) {
      const expected = totalItems(file.counts) + (file.path.endsWith('.ics') ? extraUids : 0);
      expect([file.path, read.counts[file.path]]).toEqual([file.path, expected]);
    }
  });
});
