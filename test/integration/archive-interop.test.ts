// A backup archive, checked by tools that know nothing of Lifeboat: Python's zipfile unpacks
// it, hashlib checks every SHA-256 of the manifest, vobject reads every .vcf and icalendar and
// vobject every .ics. The mirror holds every fixture, hostile ones included (a 10 MB photo, a
// 5,000-occurrence rule, folded non-ASCII, a second card smuggled in with CR LF, malformed
// items): what could not be read was refused by the mirror with a reason; the rest is in the
// archive, which is valid.
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
    const refused = await db.runs.toArray().then((runs) => runs.flatMap((r) => r.errors));
    expect(refused.length).toBeGreaterThan(0);
    for (const error of refused) expect(error.message).not.toBe('');
    expect(refused.map((e) => e.message)).toContain('More than one card in one item.');

    const path = join(dir, 'backup.zip');
    const manifest = await writeArchive(archiveContents(db), Writable.toWeb(createWriteStream(path)) as WritableStream<Uint8Array>, {
      createdAt: new Date(),
      asOf: null,
      generator: 'Lifeboat test',
      accounts: [],
    });
    expect(totalItems(manifest.totals)).toBe(await db.items.count());

    const run = spawnSync('/usr/bin/python3', ['-c', CHECK_WITH_PYTHON, path], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toContain('Traceback');
    expect(run.status).toBe(0);
    const read = JSON.parse(run.stdout) as { counts: Record<string, number>; readme: boolean };
    expect(read.readme).toBe(true);
    for (const file of manifest.files) {
      expect([file.path, read.counts[file.path]]).toEqual([file.path, totalItems(file.counts)]);
    }
  });
});
