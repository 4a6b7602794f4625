// Real-world hard cases (fixtures/vcard/real-world, SOURCES.md) converted between versions:
// nothing lost. Judged by ical.js (vcard-compare-helpers.ts), not by the exporter's reader:
//   - 4.0 → 3.0 → 4.0 and 3.0 → 4.0 → 3.0 give back every property, parameter and value;
//   - PHOTO, LOGO, SOUND and KEY carry the same bytes in every version;
//   - a vCard 2.1 card becomes 3.0 and 4.0 with every property, and what it says decoded
//     exactly (quoted-printable, CHARSET, "\n" in a LABEL);
//   - a card that cannot be read is left out of the file and reported, never dropped silently.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFoldedUtf8 } from '../../src/http/decode-folded-utf8';
import { readCard } from '../../src/cards/read-card';
import { convertCard, type VcfVersion } from '../../src/exporters/vcard-convert';
import { exportVcf } from '../../src/exporters/vcard-export';
import { splitVcards } from '../../src/restore/split-vcards';
import { inlineBinaries, judgeCard, readableByIcal } from './vcard-compare-helpers';
import { expectWellFormedVcf, fixtureDir } from './vcard-export-helpers';

const dir = `${fixtureDir}real-world/`;
const cards = readdirSync(dir)
  .filter((f) => f.endsWith('.vcf'))
  .sort()
  .flatMap((file) => splitVcards(decodeFoldedUtf8(readFileSync(`${dir}${file}`))).items.map((raw) => ({ file, raw })));
const readable = cards.filter((c) => readCard(c.raw).ok);
const byFile = (file: string): string => cards.find((c) => c.file === file)?.raw ?? '';

function convert(raw: string, target: VcfVersion): string {
  const result = convertCard({ raw, target });
  if (!result.ok) throw new Error(result.reason);
  expectWellFormedVcf(`${result.text}\r\n`);
  return `${result.text}\r\n`;
}

function versionOf(raw: string): string {
  const read = readCard(raw);
  return read.ok ? read.card.version : '';
}

describe('real-world cards between vCard versions', () => {
  it('are all here, and all but the one broken card are readable', () => {
    expect(cards.length).toBe(27);
    expect(cards.filter((c) => !readCard(c.raw).ok).map((c) => c.file)).toEqual(['android-v21-adr-multiple-line.vcf', 'evolution-libebook-11.vcf']);
  });

  it.each(readable)('$file: there and back again gives every property back (ical.js)', ({ raw }) => {
    const from = versionOf(raw);
    const home: VcfVersion = from === '4.0' ? '4.0' : '3.0';
    const away: VcfVersion = home === '4.0' ? '3.0' : '4.0';
    const start = convert(raw, home); // 2.1 → 3.0 first; 3.0 and 4.0 as they are
    const back = convert(convert(start, away), home);
    expect(judgeCard(back)).toEqual(judgeCard(start));
  });

  it.each(readable)('$file: PHOTO, LOGO, SOUND and KEY bytes are the same in 3.0 and 4.0', ({ raw }) => {
    const served = inlineBinaries(readableByIcal(raw));
    expect(inlineBinaries(convert(raw, '3.0'))).toEqual(served);
    expect(inlineBinaries(convert(raw, '4.0'))).toEqual(served);
  });

  it.each(readable)('$file: keeps the number of properties, each one named or kept as an x-name', ({ raw }) => {
    const served = judgeCard(readableByIcal(raw));
    for (const target of ['3.0', '4.0'] as const) {
      const result = convertCard({ raw, target });
      if (!result.ok) throw new Error(result.reason);
      const written = judgeCard(`${result.text}\r\n`);
      // A 4.0 ADR;LABEL= also gets its 3.0 LABEL line; nothing else is added or removed.
      const labels = target === '3.0' ? written.filter((p) => p.name === 'label' && served.every((s) => s.name !== 'label')).length : 0;
      // A card without FN gets one (RFC 6350 §6.2.1, RFC 2426 §3.1.1 require it).
      const fn = served.some((p) => p.name === 'fn') ? 0 : 1;
      expect(written.length - labels - fn).toBe(served.length);
      expect(written.filter((p) => p.name === 'fn')).toHaveLength(Math.max(1, served.filter((p) => p.name === 'fn').length));
      for (const name of result.keptAsExtension) expect(written.some((p) => p.name.endsWith(name.toLowerCase()))).toBe(true);
    }
  });
});

describe('what the real-world cards say, once converted', () => {
  const prop = (text: string, name: string): unknown[] =>
    judgeCard(text).filter((p) => p.name === name).map((p) => (p.values.length === 1 ? p.values[0] : p.values));

  it('2.1 LABEL and ADR "\\n" are newlines, not a backslash and an n', () => {
    const out = convert(byFile('icaljs-vcard21-newline.vcf'), '3.0');
    expect(prop(out, 'label')).toEqual(['John Doe\n123 Main Street\nSpringfield, IL 62701']);
    expect(prop(out, 'note')).toEqual(['Line one\nLine two\nLine three']);
    expect(prop(out, 'adr')).toEqual([['', '', '123 Main St\nApt 4B', 'Springfield', 'IL', '62701', 'USA']]);
  });

  it('2.1 quoted-printable with soft line breaks decodes exactly, in its CHARSET or Latin-1', () => {
    const complicated = convert(byFile('android-v21-complicated.vcf'), '3.0');
    expect(prop(complicated, 'label')).toEqual([
      '100 Waters Edge\nBaytown, LA 30314\nUnited  States of America',
      '42 Plantation St.\nBaytown, LA 30314\nUnited  States of America',
    ]);
    expect(prop(complicated, 'note')).toContain("Now's the time for all folk to come to the aid of their country.");
    const latin = convert(byFile('icaljs-vcard21-encoding.vcf'), '3.0');
    expect(prop(latin, 'note')).toEqual([
      'This is a test with speciäl chäracters and a line that is quite long and needs to be wrapped according to the Quoted-Printable encoding rules.',
    ]);
    const japanese = convert(byFile('android-v21-japanese-2.vcf'), '3.0');
    expect(prop(japanese, 'adr')).toEqual([['', '東京都渋谷区桜丘町26-1セルリアンタワー6階', '', '', '', '150-8512', '']]);
    expect(prop(japanese, 'note')).toEqual(['メモ']);
  });

  it('2.1 quoted-printable broken inside a UTF-8 character, or ending in "=" and a blank line (Evolution, Nokia)', () => {
    const chinese = convert(byFile('evolution-libebook-5.vcf'), '3.0');
    expect(prop(chinese, 'fn')).toEqual(['十城目管理大型知座']);
    expect(prop(chinese, 'label')).toEqual([Array(4).fill('十城目管理大型知座').join('\n')]);
    const nokia = convert(byFile('evolution-libebook-12.vcf'), '3.0');
    expect(prop(nokia, 'adr')).toEqual([['', '', 'Münsterplatz 21', 'Ulm', 'Baden-Württemberg', '89073', '']]);
    expect(prop(nokia, 'label')).toEqual(['Münsterplatz 21\n89073 Ulm, Baden-Württemberg']);
    // Trailing white space after a soft break is transport padding (RFC 2045 §6.7 rule 3).
    const evil = convert(byFile('evolution-libebook-13.vcf'), '3.0');
    expect(prop(evil, 'adr')[1]).toEqual(['', '', 'Evil backslash \\ way', 'Ulm', 'Newlines\nCountry\nevil', '89073', '']);
  });

  it('bare 2.1-style TYPE values with commas are each a TYPE value', () => {
    const out = convert(byFile('evolution-libebook-6.vcf'), '3.0');
    expect(judgeCard(out).filter((p) => p.name === 'tel').map((p) => p.params.type)).toEqual([['msg', 'voice', 'work'], ['fax', 'work']]);
  });

  it('a 4.0 tel: URI with ;ext= is the plain number in 3.0, without a backslash, and the URI again in 4.0', () => {
    const author = byFile('icaljs-vcard-author.vcf');
    const v3 = convert(author, '3.0');
    expect(prop(v3, 'tel')).toEqual(['+1-418-656-9254 ext. 102', '+1-418-262-6501']);
    expect(v3).not.toMatch(/ext\\/);
    expect(prop(convert(v3, '4.0'), 'tel')).toEqual(['tel:+1-418-656-9254;ext=102', 'tel:+1-418-262-6501']);
  });

  it('a phone number keeps its pause characters and escapes as served', () => {
    expect(prop(convert(byFile('android-v30-pause-wait.vcf'), '4.0'), 'tel')).toEqual(['p1234p5678w9']);
    expect(convert(byFile('icaljs-escape-semicolon.vcf'), '4.0')).toContain('\r\nTEL;TYPE="WORK,FAX":205246\\;\\;\\,\\;\r\n');
  });

  it('a 4.0 GEO URI escaped as text becomes a 3.0 GEO', () => {
    expect(convert(byFile('icaljs-vcard.vcf'), '3.0')).toContain('\r\nGEO:37.386013;-122.082932\r\n');
  });

  it('quoted parameter values with "," and ":" come through a conversion intact', () => {
    const out = convert(byFile('android-v30-comma-separated.vcf'), '4.0');
    expect(judgeCard(out).find((p) => p.name === 'tel')?.params).toEqual({ pref: ['1'], type: ['comma', 'separated:inside.dquote'] });
  });

  it('a file with the broken cards has every other card, and names the broken ones', () => {
    const raws = cards.map((c) => c.raw);
    const result = exportVcf(raws);
    expect(result.count).toBe(readable.length);
    expect(result.skipped).toEqual([
      { index: cards.findIndex((c) => c.file === 'android-v21-adr-multiple-line.vcf'), reason: 'Line 7 is not a valid vCard property (NAME:value).' },
      { index: cards.findIndex((c) => c.file === 'evolution-libebook-11.vcf'), reason: 'Line 6 is not a valid vCard property (NAME:value).' },
    ]);
    expect(result.keptAsExtension).toMatchObject({ GENDER: 2, ANNIVERSARY: 2, KIND: 1, MEMBER: 1, XML: 1 });
  });
});
