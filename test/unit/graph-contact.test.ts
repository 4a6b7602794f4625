// Graph contact → vCard, as a fixture pair (test/fixtures/graph/<name>.json → <name>.vcf): the
// output is what ical.js reads back, with every field, and the original JSON exactly.
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import ICAL from 'ical.js';
import { contactToVcard } from '../../src/providers/microsoft/contact-to-vcard';
import type { GraphContact } from '../../src/providers/microsoft/graph-types';

const DIR = 'test/fixtures/graph';

describe('a Graph contact as a vCard', () => {
  for (const name of ['contact-full', 'contact-minimal']) {
    it(`${name}: matches its fixture, parses, and keeps the original JSON`, () => {
      const json = readFileSync(`${DIR}/${name}.json`, 'utf8');
      const text = contactToVcard(JSON.parse(json) as GraphContact);
      // Set LIFEBOAT_UPDATE_FIXTURES=1 to write a new fixture after a deliberate change.
      if (process.env.LIFEBOAT_UPDATE_FIXTURES || !existsSync(`${DIR}/${name}.vcf`)) writeFileSync(`${DIR}/${name}.vcf`, text);
      expect(text).toBe(readFileSync(`${DIR}/${name}.vcf`, 'utf8'));
      const card = new ICAL.Component(ICAL.parse(text) as unknown[]);
      expect(JSON.parse(String(card.getFirstPropertyValue('x-ms-graph-json')))).toEqual(JSON.parse(json));
      expect(card.getFirstPropertyValue('uid')).toBe((JSON.parse(json) as GraphContact).id);
    });
  }

  it('maps the fields a vCard has', () => {
    const card = new ICAL.Component(ICAL.parse(readFileSync(`${DIR}/contact-full.vcf`, 'utf8')) as unknown[]);
    const values = (name: string) => card.getAllProperties(name).map((p) => p.getFirstValue() as unknown);
    expect(values('fn')).toEqual(['Ada Lovelace']);
    expect(card.getFirstPropertyValue('n')).toEqual(['Lovelace', 'Ada', 'Augusta', 'Countess', '']);
    expect(values('email')).toEqual(['ada@example.org', 'ada@engines.example.com']);
    expect(values('tel')).toHaveLength(4);
    expect(card.getFirstProperty('categories')?.getValues()).toEqual(['Friends', 'Maths, Science']);
    expect(card.getFirstPropertyValue('org')).toEqual(['Analytical Engines; Ltd', 'Notes']);
    expect(String(card.getFirstPropertyValue('bday'))).toBe('1815-12-10');
    expect(card.getFirstPropertyValue('note')).toBe('Wrote the first program.\nNote G: Bernoulli numbers, \\ and ; kept.');
    expect(card.getAllProperties('adr')).toHaveLength(2);
  });
});
