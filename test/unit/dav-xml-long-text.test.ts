// Long texts cut out before parsing and put back after (xml-long-text.ts) must give exactly what
// the parser alone gives: same entities decoded, CRs kept, CDATA literal, comments skipped.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../../src/providers/dav/dav-xml';
import { cutLongTexts } from '../../src/providers/dav/xml-long-text';
import { davFixture } from '../harness/fake-fetch';

const NEVER = Number.MAX_SAFE_INTEGER;
const FIXTURES = [
  'radicale-multiget.xml',
  'xandikos-multiget.xml',
  'icloud-multiget.xml',
  'nextcloud-multiget.xml',
  'radicale-sync-collection.xml',
  'calendarserver-calendar-home.xml',
];

describe('parsing with long texts cut out', () => {
  it.each(FIXTURES)('gives the same tree for %s at any threshold', (name) => {
    const xml = davFixture(name);
    const whole = parseXml(xml, NEVER);
    for (const threshold of [0, 1, 10, 100]) expect(parseXml(xml, threshold)).toEqual(whole);
  });

  it('decodes references in cut text, keeps CDATA literal and CRs raw', () => {
    const xml =
      '<d:multistatus xmlns:d="DAV:"><d:a>Tom &amp; Jerry &lt;3&#13;\r\nline</d:a>' +
      '<d:b><![CDATA[A &amp; B <not a tag>\r\n]]></d:b><!-- a > b < c --><d:c>x</d:c></d:multistatus>';
    const tree = parseXml(xml, 1);
    expect(tree).toEqual(parseXml(xml, NEVER));
    expect(tree).toEqual({ multistatus: { a: 'Tom & Jerry <3\r\r\nline', b: 'A &amp; B <not a tag>\r\n', c: 'x' } });
  });

  it('cuts only what is long, and nothing inside comments or CDATA as markup', () => {
    const xml = '<r><!-- <x> --><a>short</a><b>' + 'L'.repeat(50) + '</b><![CDATA[' + '>'.repeat(60) + ']]></r>';
    const cut = cutLongTexts(xml, 40, '\uE000');
    expect(cut.xml).toBe('<r><!-- <x> --><a>short</a><b>\uE0000\uE000</b>\uE0001\uE000</r>');
    expect(cut.texts).toEqual([{ raw: 'L'.repeat(50), cdata: false }, { raw: '>'.repeat(60), cdata: true }]);
  });

  it('parses a 10 MB text node in well under a second', () => {
    const photo = 'QUJD'.repeat(2_600_000);
    const xml = `<d:multistatus xmlns:d="DAV:"><d:response><d:href>/a</d:href><d:data>${photo}</d:data></d:response></d:multistatus>`;
    const started = performance.now();
    const tree = parseXml(xml);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(JSON.stringify(tree)).toContain(photo.slice(0, 100));
  });

  it('gives the same tree as the plain parser for generated multistatus bodies', () => {
    const textPart = fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'é', ' ', '\r', '\n', '日', '>', ']') }),
      fc.constantFrom('&amp;', '&lt;', '&gt;', '&quot;', '&#13;', '&#x1F600;'),
    );
    const text = fc.array(textPart, { maxLength: 12 }).map((parts) => parts.join(''));
    const node = fc.oneof(
      text.map((t) => `<d:t>${t}</d:t>`),
      text.map((t) => `<d:c><![CDATA[${t.replace(/]]>/g, '')}<&]]></d:c>`),
      text.map((t) => `<!--${t.replace(/--/g, '')}--><d:x/>`),
    );
    const body = fc.array(node, { maxLength: 6 }).map((nodes) => `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response>${nodes.join('')}</d:response></d:multistatus>`);
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 20 }), (xml, threshold) => {
        expect(parseXml(xml, threshold)).toEqual(parseXml(xml, NEVER));
      }),
      { numRuns: 300 },
    );
  });
});
