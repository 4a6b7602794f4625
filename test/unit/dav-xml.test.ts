// Parsing DAV responses without a DOM: captured Radicale and Xandikos answers, and Nextcloud-,
// iCloud- and CalendarServer-style ones, with every prefix style servers use.
import { describe, expect, it } from 'vitest';
import { parseMultistatus, propText } from '../../src/providers/dav/dav-multistatus';
import { child, parseXml, textOf } from '../../src/providers/dav/dav-xml';
import { davFixture } from '../harness/fake-fetch';

function itemData(fixture: string, base: string): Map<string, string> {
  const parsed = parseMultistatus(davFixture(fixture), base);
  const out = new Map<string, string>();
  for (const entry of parsed?.entries ?? []) {
    const data = entry.props['address-data'];
    if (typeof data === 'string' || (data !== undefined && !Array.isArray(data))) out.set(entry.href, textOf(data));
  }
  return out;
}

describe('multistatus parsing', () => {
  it('keeps address-data exactly: CRLF, folded lines, decoded entities (Radicale, default namespace)', () => {
    const data = itemData('radicale-multiget.xml', 'http://127.0.0.1:5232/test/contacts/');
    expect([...data.keys()]).toEqual(['http://127.0.0.1:5232/test/contacts/b2.vcf']);
    const card = [...data.values()][0];
    expect(card).toBe(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:b2\r\nFN:Zoë Ærøskøbing\r\nN:;Zoë;;;\r\n' +
        'NOTE:this is a long note with ünïcödé that is folded across lines becau\r\n' +
        ' se it is long enough & has <xml> chars\r\nEND:VCARD\r\n',
    );
  });

  it('reads Xandikos answers (ns0: prefixes) the same way', () => {
    const card = [...itemData('xandikos-multiget.xml', 'http://h/user/contacts/addressbook/').values()][0];
    expect(card).toContain('\r\n ng enough & has <xml> chars\r\n');
    expect(card?.endsWith('END:VCARD\r\n')).toBe(true);
  });

  it('decodes CRs that a server escaped as &#13; (Nextcloud / SabreDAV)', () => {
    const data = itemData('nextcloud-multiget.xml', 'https://cloud.example.com/');
    const card = data.get('https://cloud.example.com/remote.php/dav/addressbooks/users/jane%40example.com/contacts/a%2Bb%20c.vcf');
    expect(card).toBe(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nUID:a+b c\r\nFN:Jörg Müller & Söhne\r\n' +
        'NOTE:Line with <xml> and a fold that continues on the next\r\n  line after one space\r\nEND:VCARD\r\n',
    );
  });

  it('takes CDATA with raw CRLF as is (iCloud, per-element default namespaces)', () => {
    const data = itemData('icloud-multiget.xml', 'https://p42-contacts.icloud.com/1234567/carddavhome/card/');
    const card = data.get('https://p42-contacts.icloud.com/1234567/carddavhome/card/ABCDEF-1234.vcf');
    expect(card).toContain('NOTE:A & B <c> ]] > with a long line that the server folded at seventy-five o\r\n ctets exactly\r\n');
    expect(card?.split('\r\n')).toHaveLength(10);
  });

  it('reports response-level and propstat-level statuses', () => {
    const parsed = parseMultistatus(davFixture('nextcloud-multiget.xml'), 'https://cloud.example.com/');
    const gone = parsed?.entries[1];
    expect(gone?.status).toBeUndefined();
    expect(gone?.failed).toEqual({ getetag: 404, 'address-data': 404 });
    const icloud = parseMultistatus(davFixture('icloud-multiget.xml'), 'https://p42-contacts.icloud.com/');
    expect(icloud?.entries[1]).toMatchObject({ status: 404, statusText: 'HTTP/1.1 404 Not Found' });
  });

  it('finds the sync token before or after the responses', () => {
    expect(parseMultistatus(davFixture('radicale-sync-collection.xml'), 'http://h/')?.syncToken).toMatch(/^http:\/\/radicale\.org\/ns\/sync\/b1ef/);
    expect(parseMultistatus(davFixture('xandikos-sync-collection.xml'), 'http://h/')?.syncToken).toBe('8b68e0f2bf1c2b8af0d3e310d9316ec6d0ca56a8');
    expect(parseMultistatus(davFixture('nextcloud-sync-collection.xml'), 'http://h/')?.syncToken).toBe('http://sabre.io/ns/sync/0043');
  });

  it('keeps values as strings: a ctag "00123" is not the number 123', () => {
    const parsed = parseMultistatus(davFixture('calendarserver-calendar-home.xml'), 'https://cal.example.com/');
    expect(propText(parsed!.entries[1]!, 'getctag')).toBe('00123');
  });

  it('parses the same document identically whatever the prefixes', () => {
    const body = (open: (n: string) => string, close: (n: string) => string, decl: string): string =>
      `<?xml version="1.0"?>${open('multistatus').replace('>', ` ${decl}>`)}${open('response')}${open('href')}/a/b.vcf${close('href')}` +
      `${open('propstat')}${open('prop')}${open('getetag')}"e1"${close('getetag')}${close('prop')}` +
      `${open('status')}HTTP/1.1 200 OK${close('status')}${close('propstat')}${close('response')}${close('multistatus')}`;
    const styles = [
      body((n) => `<D:${n}>`, (n) => `</D:${n}>`, 'xmlns:D="DAV:"'),
      body((n) => `<d:${n}>`, (n) => `</d:${n}>`, 'xmlns:d="DAV:"'),
      body((n) => `<${n}>`, (n) => `</${n}>`, 'xmlns="DAV:"'),
      body((n) => `<ns0:${n}>`, (n) => `</ns0:${n}>`, 'xmlns:ns0="DAV:"'),
    ];
    const results = styles.map((s) => parseMultistatus(s, 'http://h/'));
    expect(results[0]?.entries[0]).toMatchObject({ href: 'http://h/a/b.vcf', props: { getetag: '"e1"' } });
    for (const r of results) expect(r).toEqual(results[0]);
  });

  it('decodes each entity once and never expands DOCTYPE entities', () => {
    const doc = parseXml('<!DOCTYPE x [<!ENTITY boom "BOOM">]><x><a>&amp;lt; &#x1F600; &#233; &boom;</a></x>');
    expect(textOf(child(child(doc, 'x'), 'a'))).toBe('&lt; 😀 é &boom;');
  });

  // address-data and calendar-data are skipped by the parser and decoded afterwards
  // (raw-element-text.ts): the same text must come out as if the parser had read them.
  it('decodes item text the parser skipped as it would have: entities, CDATA, CRs, markup-like text', () => {
    const body =
      '<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:caldav"><d:response><d:href>/c/1.ics</d:href>' +
      '<d:propstat><d:prop><c:calendar-data>BEGIN:VCALENDAR\r\nX-A:&lt;b&gt;bold&lt;/b&gt; &amp;amp;&#13;\n' +
      '<![CDATA[X-B:<i> & </i>\r\n]]>X-C:&#x1F600;\r\nEND:VCALENDAR\r\n</c:calendar-data></d:prop>' +
      '<d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response></d:multistatus>';
    const entry = parseMultistatus(body, 'http://h/c/')?.entries[0];
    expect(textOf(entry?.props['calendar-data'] as string)).toBe('BEGIN:VCALENDAR\r\nX-A:<b>bold</b> &amp;\r\nX-B:<i> & </i>\r\nX-C:😀\r\nEND:VCALENDAR\r\n');
    // An empty element and a self-closing one are empty text, not a missing property.
    const empty = parseMultistatus(body.replace(/<c:calendar-data>[^]*<\/c:calendar-data>/, '<c:calendar-data/>'), 'http://h/c/')?.entries[0];
    expect(empty?.props['calendar-data']).toBe('');
  });

  it('leaves entity-like text inside CDATA alone', () => {
    const doc = parseXml('<x><a><![CDATA[NOTE:Tom &amp; Jerry\r\n]]></a></x>');
    expect(textOf(child(child(doc, 'x'), 'a'))).toBe('NOTE:Tom &amp; Jerry\r\n');
  });

  it('returns undefined for a body that is not a multistatus', () => {
    expect(parseMultistatus('<!doctype html><html><body>Hi</body></html>', 'http://h/')).toBeUndefined();
    expect(parseMultistatus(davFixture('radicale-invalid-sync-token.xml'), 'http://h/')).toBeUndefined();
  });
});
