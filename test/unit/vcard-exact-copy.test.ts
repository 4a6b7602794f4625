// "Exact when no conversion is needed": a card exported in the version it was served in is the
// served text, line endings and folding aside (RFC 6350 §3.2 lets both change in transport).
// Over every fixture card, the project's own and the real-world ones (fixtures/vcard/SOURCES.md).
// The only other change allowed is a line the RFCs require and the card lacks (VERSION, FN),
// and such a card must say `converted: true`.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeFoldedUtf8 } from '../../src/http/decode-folded-utf8';
import { readCard } from '../../src/cards/read-card';
import { exportVcf } from '../../src/exporters/vcard-export';
import { convertCard } from '../../src/exporters/vcard-convert';
import { splitVcards } from '../../src/restore/split-vcards';
import { expectWellFormedVcf, fixtureDir } from './vcard-export-helpers';

/** Every card of every fixture file, as the mirror would store it. */
function fixtureCards(): { name: string; raw: string }[] {
  const out: { name: string; raw: string }[] = [];
  for (const sub of ['', 'real-world/']) {
    const dir = `${fixtureDir}${sub}`;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.vcf')).sort()) {
      const { items } = splitVcards(decodeFoldedUtf8(readFileSync(`${dir}${file}`)));
      items.forEach((raw, i) => out.push({ name: `${sub}${file}${items.length > 1 ? ` #${i + 1}` : ''}`, raw }));
    }
  }
  return out;
}

/**
 * Logical lines, written here rather than taken from src/: any line break ends a physical line
 * (CR CR LF too); a line starting with a space or tab continues the one before (RFC 6350 §3.2);
 * blank lines are dropped.
 */
function unfolded(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r*\n|\r/)) {
    if (line.trim() === '') continue;
    if ((line.startsWith(' ') || line.startsWith('\t')) && out.length > 0) out[out.length - 1] += line.slice(1);
    else out.push(line);
  }
  return out;
}

const cards = fixtureCards();
const sameVersion = cards.flatMap(({ name, raw }) => {
  const read = readCard(raw);
  if (!read.ok || read.card.version === '2.1' || read.card.hasLegacyParams) return [];
  return [{ name, raw, version: read.card.version, hasVersion: read.card.hasVersion }];
});

describe('a card exported in the version it was served in', () => {
  it('covers the real-world fixtures as well as the project’s own', () => {
    expect(sameVersion.filter((c) => c.name.startsWith('real-world/')).length).toBeGreaterThanOrEqual(9);
    expect(sameVersion.length).toBeGreaterThanOrEqual(20);
  });

  it.each(sameVersion)('$name: is the served text, line endings and folding aside', ({ raw, version, hasVersion }) => {
    const target = version === '4.0' ? '4.0' : '3.0';
    const result = convertCard({ raw, target });
    if (!result.ok) throw new Error(result.reason);
    const served = unfolded(raw);
    const written = unfolded(result.text);
    const added = written.filter((l) => !served.includes(l));
    const lacksFn = !served.some((l) => /^([A-Za-z0-9-]+\.)?FN[;:]/i.test(l));
    // Only what RFC 2426 §3.6.9 / RFC 6350 §6.2.1 require may be added, and nothing removed.
    const allowed = [...(hasVersion ? [] : ['VERSION:3.0']), ...(lacksFn ? [added.find((l) => l.startsWith('FN:'))] : [])];
    expect(added).toEqual(allowed.filter((l) => l !== undefined));
    expect(written.filter((l) => !added.includes(l))).toEqual(served);
    expect(result.converted).toBe(added.length > 0);
    expect(result.keptAsExtension).toEqual([]);
    expectWellFormedVcf(`${result.text}\r\n`);
  });

  it('is counted as not converted in the file’s summary', () => {
    const plain = sameVersion.filter((c) => c.version === '3.0' && c.hasVersion);
    const { converted, keptAsExtension, count } = exportVcf(plain.map((c) => c.raw), { version: '3.0' });
    expect(count).toBe(plain.length);
    expect(converted).toBe(plain.filter((c) => !unfolded(c.raw).some((l) => /^([A-Za-z0-9-]+\.)?FN[;:]/i.test(l))).length);
    expect(keptAsExtension).toEqual({});
  });
});
