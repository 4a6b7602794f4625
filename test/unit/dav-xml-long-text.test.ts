// Long texts and items' texts cut out before parsing and put back after (xml-long-text.ts) must
// give exactly what the parser alone gives: same entities decoded, CRs kept, CDATA literal,
// comments skipped.
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
    const parsersOwn = parseXml(xml, NEVER, false);
    for (const threshold of [0, 1, 10, 100, NEVER]) expect(parseXml(xml, threshold)).toEqual(parsersOwn);
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

  it("cuts each item-text element's whole content, whatever its length, and nothing of an empty one", () => {
    const xml =
      '<d:r xmlns:d="DAV:"><d:href>/a</d:href><C:address-data version="4.0">BEGIN:VCARD\r\n<![CDATA[</C:address-data>]]>&amp;\r\nEND:VCARD\r\n</C:address-data>' +
      '<calendar-data xmlns="urn:ietf:params:xml:ns:caldav"/><c:calendar-data></c:calendar-data><d:n>x</d:n></d:r>';
    const cut = cutLongTexts(xml, NEVER, '\uE000', new Set(['address-data', 'calendar-data']));
    expect(cut.xml).toBe(
      '<d:r xmlns:d="DAV:"><d:href>/a</d:href><C:address-data version="4.0">\uE0000\uE000</C:address-data>' +
        '<calendar-data xmlns="urn:ietf:params:xml:ns:caldav"/><c:calendar-data></c:calendar-data><d:n>x</d:n></d:r>',
    );
    expect(cut.texts).toEqual([{ raw: 'BEGIN:VCARD\r\n<![CDATA[</C:address-data>]]>&amp;\r\nEND:VCARD\r\n', cdata: false, element: true }]);
    expect(parseXml(xml)).toEqual(parseXml(xml, NEVER, false));
  });

  it('leaves an item-text element that never closes to the parser, which refuses the answer', () => {
    const xml = '<d:multistatus xmlns:d="DAV:"><d:response><C:address-data>BEGIN:VCARD\r\n</d:response></d:multistatus>';
    expect(() => parseXml(xml)).toThrow();
    expect(() => parseXml(xml, NEVER, false)).toThrow();
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
    const cdata = (t: string): string => `<![CDATA[${t.replace(/]]>/g, '')}<&]]>`;
    // An item's text: escaped text around CDATA sections, with or without a prefix or attributes.
    const itemText = fc.array(fc.oneof(text.map((t) => t.replace(/[<>]/g, '')), text.map(cdata)), { maxLength: 4 }).map((parts) => parts.join(''));
    const itemTag = fc.constantFrom('c:address-data', 'C:calendar-data', 'address-data', 'c:address-data version="4.0"');
    const node = fc.oneof(
      text.map((t) => `<d:t>${t}</d:t>`),
      text.map((t) => `<d:c>${cdata(t)}</d:c>`),
      text.map((t) => `<!--${t.replace(/--/g, '')}--><d:x/>`),
      fc.tuple(itemTag, itemText).map(([tag, t]) => `<${tag}>${t}</${tag.split(' ')[0]}>`),
      itemTag.map((tag) => `<${tag}/>`),
    );
    const body = fc.array(node, { maxLength: 6 }).map((nodes) => `<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav" xmlns:C="urn:ietf:params:xml:ns:caldav"><d:response>${nodes.join('')}</d:response></d:multistatus>`);
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 20 }), (xml, threshold) => {
        expect(parseXml(xml, threshold)).toEqual(parseXml(xml, NEVER, false));
      }),
      { numRuns: 500 },
    );
  });
});
