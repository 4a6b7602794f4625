// Fixture pairs: test/fixtures/vcard/x.vcf (bytes as a server would send them) and x.json (what
// checkCard and deriveCardFields must make of them). Bytes are decoded the way the sync engine
// should decode them: decodeFoldedUtf8, which repairs folds that split a UTF-8 character.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CardFields } from '../../src/cards/card-fields';
import { CardParseError, checkCard, parseCard } from '../../src/cards/check-card';
import { decodeFoldedUtf8 } from '../../src/http/decode-folded-utf8';
import { deriveCardFields } from '../../src/cards/derive-card-fields';

const dir = fileURLToPath(new URL('../fixtures/vcard/', import.meta.url));

interface Expected {
  valid: boolean;
  version?: string;
  reason?: string;
  fields: CardFields;
}

const names = readdirSync(dir)
  .filter((f) => f.endsWith('.vcf'))
  .map((f) => f.slice(0, -4))
  .sort();

function load(name: string): { raw: string; expected: Expected } {
  return {
    raw: decodeFoldedUtf8(readFileSync(`${dir}${name}.vcf`)),
    expected: JSON.parse(readFileSync(`${dir}${name}.json`, 'utf8')) as Expected,
  };
}

describe('vCard fixtures', () => {
  it('covers every case the brief lists', () => {
    for (const name of [
      'v21-outlook', 'v30-icloud', 'v40-rfc6350', 'folded-japanese', 'folded-split-utf8', 'groups',
      'big-photo', 'only-org', 'malformed-missing-end', 'malformed-garbage', 'invalid-utf8',
      'malformed-empty',
    ]) {
      expect(names).toContain(name);
    }
  });

  it.each(names)('%s: checkCard and deriveCardFields match the .json', (name) => {
    const { raw, expected } = load(name);
    const checked = checkCard(raw);
    if (expected.valid) {
      expect(checked).toEqual({ ok: true, fields: expected.fields, version: expected.version });
    } else {
      expect(checked).toEqual({ ok: false, reason: expected.reason });
    }
    expect(deriveCardFields(raw)).toEqual(expected.fields);
  });

  it.each(names)('%s: parseCard throws CardParseError exactly when the card is invalid', (name) => {
    const { raw, expected } = load(name);
    if (expected.valid) {
      expect(parseCard(raw).component.name).toBe('vcard');
    } else {
      expect(() => parseCard(raw)).toThrow(CardParseError);
      expect(() => parseCard(raw)).toThrow(expected.reason);
    }
  });
});

describe('bytes folded inside a UTF-8 character', () => {
  const bytes = readFileSync(`${dir}folded-split-utf8.vcf`);

  it('lose the name when decoded before unfolding, which is why decodeFoldedUtf8 exists', () => {
    const naive = new TextDecoder().decode(bytes);
    expect(naive).toContain('\uFFFD');
    expect(deriveCardFields(naive).fullName).not.toBe(load('folded-split-utf8').expected.fields.fullName);
  });

  it('decode without U+FFFD, and only those folds are removed', () => {
    const text = decodeFoldedUtf8(bytes);
    expect(text).not.toContain('\uFFFD');
    // Folds between whole characters stay: the NOTE is still folded.
    expect(text).toMatch(/\r\n [^\r\n]/);
  });

  it('leave text without such folds exactly as TextDecoder would', () => {
    const ok = readFileSync(`${dir}folded-japanese.vcf`);
    expect(decodeFoldedUtf8(ok)).toBe(new TextDecoder().decode(ok));
    const latin1 = readFileSync(`${dir}invalid-utf8.vcf`);
    expect(decodeFoldedUtf8(latin1)).toBe(new TextDecoder().decode(latin1));
  });
});
