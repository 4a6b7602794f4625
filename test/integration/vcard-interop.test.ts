// An independent parser reads our export: Python's vobject (Debian's python3-vobject, importable
// only by /usr/bin/python3). It reads whole files and raises on a line it cannot parse, so a
// broken export fails here, which the control case below proves.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readCard } from '../../src/cards/read-card';
import { convertCard, type VcfVersion } from '../../src/exporters/vcard-convert';
import { exportVcf } from '../../src/exporters/vcard-export';
import { splitVcards } from '../../src/restore/split-vcards';
import { readers } from '../../src/sync/readers/index';
import type { DavTestServer } from '../harness/dav-test-server';
import { entries, mirrorTexts, serverTexts } from '../harness/mirror-check';
import { runMirror } from '../harness/mirror-run';
import { startRadicale } from '../harness/radicale';
import { startXandikos } from '../harness/xandikos';
import { addTestAccount, freshDb } from '../support/test-db';
import { inlineBinaries, judgeCard } from '../unit/vcard-compare-helpers';
import { cardLines, folds, generatedCard, servedText } from '../unit/vcard-card-arbitrary';
import { fixtureDir, loadFixtures } from '../unit/vcard-export-helpers';

// Reads a .vcf with vobject and prints, as JSON, each card's FN, emails, version and whether
// its PHOTO decodes to bytes; any exception exits non-zero.
const READ_WITH_VOBJECT = `
import json, sys, vobject
with open(sys.argv[1], encoding='utf-8', newline='') as f:
    text = f.read()
cards = []
for card in vobject.readComponents(text, validate=True):
    c = card.contents
    photo = c.get('photo', [None])[0]
    cards.append({
        'fn': c['fn'][0].value if 'fn' in c else None,
        'emails': [e.value for e in c.get('email', [])],
        'version': c['version'][0].value if 'version' in c else None,
        'photoBytes': len(photo.value) if photo is not None and isinstance(photo.value, bytes) else None,
    })
print(json.dumps(cards))
`;

interface VobjectCard {
  fn: string | null;
  emails: string[];
  version: string | null;
  photoBytes: number | null;
}

const dir = mkdtempSync(join(tmpdir(), 'lifeboat-vcf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function readWithVobject(text: string, name: string): { status: number | null; cards: VobjectCard[]; stderr: string } {
  const file = join(dir, name);
  writeFileSync(file, text, 'utf8');
  const run = spawnSync('/usr/bin/python3', ['-c', READ_WITH_VOBJECT, file], { encoding: 'utf8', timeout: 30_000 });
  const cards = run.status === 0 ? (JSON.parse(run.stdout) as VobjectCard[]) : [];
  return { status: run.status, cards, stderr: run.stderr };
}

describe('Python vobject reads the .vcf export of every fixture', () => {
  const fixtures = loadFixtures();
  const valid = fixtures.filter((f) => f.valid);

  for (const version of ['3.0', '4.0'] as const) {
    it(`as vCard ${version}`, () => {
      const { text, count } = exportVcf(fixtures.map((f) => f.raw), { version });
      const read = readWithVobject(text, `all-${version}.vcf`);
      expect(read.stderr).toBe('');
      expect(read.status).toBe(0);
      expect(read.cards).toHaveLength(count);
      expect(count).toBe(valid.length);
      expect(read.cards.every((c) => c.version === version)).toBe(true);
      const fns = read.cards.map((c) => c.fn);
      expect(fns).toContain('Dr. Jürgen Müller'); // 2.1, quoted-printable
      expect(fns).toContain('Johnny Appleseed');
      expect(fns).toContain('Simon Perreault'); // 4.0
      expect(fns).toContain('山田 太郎（やまだ たろう）🎌 株式会社サンプル 営業部 第一課 課長代理 👨‍👩‍👧‍👦');
      expect(fns).toContain('山田太郎 😀 とても長い名前のテストです。絵文字🎉🎌も途中で折り返されます');
      const jane = read.cards.find((c) => c.fn === 'Jane Doe');
      expect(jane?.emails).toEqual(['jane@home.example', 'jane@work.example']); // item1., item2.
      if (version === '3.0') {
        // vobject decodes ENCODING=b: the 240 KB photo survived intact (JPEG header + data + end).
        expect(read.cards.find((c) => c.fn === 'Big Photo')?.photoBytes).toBe(240013);
      }
    });
  }

  it('and fails on a file that is not valid, so the checks above mean something', () => {
    const { text } = exportVcf([fixtures.find((f) => f.name === 'groups')?.raw ?? '']);
    const broken = text.replace('FN:Jane Doe\r\n', 'FN:Jane Doe\r\nthis line has no colon\r\n');
    expect(readWithVobject(broken, 'broken.vcf').status).not.toBe(0);
  });
});

// Every property of every card, as vobject reads it: group, name, parameters (sorted), and the
// value: bytes as base64, a structured value (N, ADR) as its components, text unescaped.
const PROPERTIES_WITH_VOBJECT = `
import base64, json, sys, vobject
with open(sys.argv[1], encoding='utf-8', newline='') as f:
    text = f.read()
def plain(value):
    if isinstance(value, bytes):
        return {'bytes': base64.b64encode(value).decode()}
    if hasattr(value, '__dict__'):
        return {k: plain(v) for k, v in sorted(vars(value).items())}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value
cards = []
for card in vobject.readComponents(text):
    props = []
    for line in card.lines():
        if line.name == 'VERSION':
            continue
        params = {k: sorted(v) for k, v in sorted(line.params.items())}
        props.append([line.group.lower() if line.group else None, line.name, params, plain(line.value)])
    cards.append(props)
print(json.dumps(cards))
`;

type VobjectProperty = [string | null, string, Record<string, string[]>, unknown];

function propertiesWithVobject(text: string, name: string): VobjectProperty[][] {
  const file = join(dir, name);
  writeFileSync(file, text, 'utf8');
  const run = spawnSync('/usr/bin/python3', ['-c', PROPERTIES_WITH_VOBJECT, file], { encoding: 'utf8', timeout: 60_000 });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as VobjectProperty[][];
}

describe('Python vobject judges generated cards (emoji, quoted parameters, random bytes, odd folds)', () => {
  // One file of many cards per case, so that Python starts once: fast-check's sample, seeded.
  const samples = fc.sample(fc.tuple(generatedCard, folds), { numRuns: 40, seed: 20261206 });

  it('the 3.0 export of 4.0 cards has the names, notes and bytes that were generated', () => {
    const raws = samples.map(([card, where]) => servedText(cardLines('4.0', card), where));
    const { text, count } = exportVcf(raws, { version: '3.0' });
    expect(count).toBe(samples.length);
    const read = propertiesWithVobject(text, 'generated-4-to-3.vcf');
    expect(read).toHaveLength(samples.length);
    read.forEach((props, i) => {
      const [card] = samples[i] ?? [];
      if (card === undefined) throw new Error('no sample');
      const value = (name: string): unknown => props.find((p) => p[1] === name)?.[3];
      expect(value('FN')).toBe(card.fn);
      expect(value('NOTE')).toBe(card.note);
      expect(value('N')).toMatchObject({ family: card.family, given: card.given });
      expect(value('PHOTO')).toEqual({ bytes: Buffer.from(card.photo).toString('base64') });
      expect(value('KEY')).toEqual({ bytes: Buffer.from(card.key).toString('base64') });
    });
  });

  it('3.0 → 4.0 → 3.0 gives vobject every property back as it was', () => {
    const raws = samples.map(([card, where]) => servedText(cardLines('3.0', card), where));
    const v4 = exportVcf(raws, { version: '4.0' });
    // Cut the 4.0 file into cards, as an import would, and export those as 3.0.
    const cards = v4.text.split(/(?<=\r\nEND:VCARD\r\n)/).filter((c) => c !== '');
    const roundTrip = exportVcf(cards, { version: '3.0' });
    expect(roundTrip.count).toBe(samples.length);
    const before = propertiesWithVobject(raws.join(''), 'generated-3.vcf');
    const after = propertiesWithVobject(roundTrip.text, 'round-trip.vcf');
    before.forEach((props, i) => expect(after[i]).toEqual(props));
  });
});

// The real-world hard cases (fixtures/vcard/real-world) stored on real servers, mirrored by the
// sync engine, and exported: what a server serves is what the export is made of, exactly.
// Xandikos serves what it was given; Radicale parses with vobject and may refuse a card, or
// serve its own rewrite of it: either way the served text is the reference.
const realWorld = readdirSync(`${fixtureDir}real-world/`)
  .filter((f) => f.endsWith('.vcf'))
  .sort()
  .flatMap((file) => splitVcards(readFileSync(`${fixtureDir}real-world/${file}`, 'utf8')).items.map((raw) => ({ file, raw })))
  .filter(({ raw }) => readCard(raw).ok);

function unfolded(text: string): string[] {
  return text.split(/\r*\n|\r/).reduce<string[]>((out, line) => {
    if (/^[ \t]/.test(line) && out.length > 0) out[out.length - 1] += line.slice(1);
    else if (line.trim() !== '') out.push(line);
    return out;
  }, []);
}

function converted(raw: string, target: VcfVersion): string {
  const result = convertCard({ raw, target });
  if (!result.ok) throw new Error(result.reason);
  return `${result.text}\r\n`;
}

for (const [name, start] of [['Xandikos', () => startXandikos()], ['Radicale', () => startRadicale()]] as const) {
  describe(`real-world cards served by ${name}`, () => {
    let server: DavTestServer | undefined;
    afterAll(async () => server?.stop());

    it('are mirrored as served, exported as served in their own version, and converted without loss', async () => {
      const started: DavTestServer = await start();
      server = started;
      const auth = { Authorization: `Basic ${Buffer.from(`${started.username}:${started.password}`).toString('base64')}` };
      const refused: string[] = [];
      for (const [i, { file, raw }] of realWorld.entries()) {
        // CardDAV requires a UID (RFC 6352 §5.1), and Radicale refuses a card without one: a
        // client adds it, as here, before END (VERSION stays right after BEGIN, RFC 6350 §6.7.9).
        const body = /\nUID[;:]/i.test(raw) ? raw : raw.replace(/(\r?\n)END:VCARD(\r?\n)$/i, `$1UID:real-world-${i}$1END:VCARD$2`);
        const put = await fetch(new URL(`rw-${i}.vcf`, started.addressBookUrl), { method: 'PUT', headers: { ...auth, 'Content-Type': 'text/vcard' }, body });
        await put.body?.cancel();
        if (!put.ok) refused.push(`${file} ${put.status}`);
      }
      // Radicale parses with vobject and refuses (400) what vobject cannot read (most 2.1
      // cards, AGENT, a TYPE holding ":"): those it never serves, so they cannot be mirrored.
      if (name === 'Xandikos') expect(refused).toEqual([]);
      else expect(realWorld.length - refused.length).toBeGreaterThanOrEqual(10);
      const db = freshDb();
      const setup = { db, account: await addTestAccount(db), readers, serverUrl: started.url, username: started.username, password: started.password, kinds: ['addressbook' as const] };
      const { summary } = await runMirror(setup);
      expect(summary.errors).toEqual([]);
      const served = await serverTexts(started.addressBookUrl, started);
      const mirror = await mirrorTexts(db, setup.account.id);
      expect(entries(mirror.live)).toEqual(entries(served));
      const missing = realWorld.filter((_c, i) => ![...served.keys()].some((k) => k.endsWith(`/rw-${i}.vcf`))).map((c) => c.file);
      // Xandikos takes a card that says "BEGIN:vCard" (Evolution's tests) but does not list it
      // as a contact (it looks for "BEGIN:VCARD"): never served, so never mirrored.
      const lowerCase = realWorld.filter((c) => c.raw.startsWith('BEGIN:vCard')).map((c) => c.file);
      expect(missing).toEqual(name === 'Xandikos' ? lowerCase : refused.map((r) => r.split(' ')[0]));

      for (const raw of mirror.live.values()) {
        const read = readCard(raw);
        if (!read.ok) throw new Error(read.reason);
        const home: VcfVersion = read.card.version === '4.0' ? '4.0' : '3.0';
        const away: VcfVersion = home === '4.0' ? '3.0' : '4.0';
        const own = converted(raw, home);
        if (read.card.version === home && !read.card.hasLegacyParams) {
          expect(unfolded(own).filter((l) => !unfolded(raw).includes(l)).every((l) => /^(VERSION|FN):/.test(l))).toBe(true);
        }
        expect(judgeCard(converted(converted(own, away), home))).toEqual(judgeCard(own));
        expect(inlineBinaries(converted(own, away))).toEqual(inlineBinaries(own));
      }
    });
  });
}
