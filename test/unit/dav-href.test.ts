// One spelling per item href, whichever answer it came from.
import { describe, expect, it } from 'vitest';
import { absoluteHref, asCollectionUrl, hrefForBody, sameResource } from '../../src/providers/dav/dav-href';
import { basicAuthorization, normaliseServerUrl } from '../../src/http/http-context';

const BASE = 'https://dav.example.com/books/jane/contacts/';

describe('href normalisation', () => {
  it('resolves relative and path-absolute hrefs against the request URL', () => {
    expect(absoluteHref('a.vcf', BASE)).toBe('https://dav.example.com/books/jane/contacts/a.vcf');
    expect(absoluteHref('/books/jane/contacts/a.vcf', BASE)).toBe('https://dav.example.com/books/jane/contacts/a.vcf');
    expect(absoluteHref('https://p42.example.com:443/x/a.vcf', BASE)).toBe('https://p42.example.com/x/a.vcf');
  });

  it('gives the same result for every spelling of the same path', () => {
    const spellings = [
      '/c/j%c3%b6rg%40example.org.vcf',
      '/c/j%C3%B6rg@example.org.vcf',
      '/c/jörg@example.org.vcf',
      'https://DAV.example.com/c/j%C3%B6rg%40example.org.vcf',
      ' /c/j%C3%B6rg%40example.org.vcf#frag',
    ];
    const results = new Set(spellings.map((s) => absoluteHref(s, BASE)));
    expect([...results]).toEqual(['https://dav.example.com/c/j%C3%B6rg%40example.org.vcf']);
  });

  it('is idempotent and keeps an encoded slash inside a segment', () => {
    const once = absoluteHref('/c/a%2Fb%20c+d.vcf', BASE);
    expect(once).toBe('https://dav.example.com/c/a%2Fb%20c%2Bd.vcf');
    expect(absoluteHref(once, BASE)).toBe(once);
  });

  it('leaves a segment that is not UTF-8 alone, apart from hex case', () => {
    expect(absoluteHref('/c/caf%e9.vcf', BASE)).toBe('https://dav.example.com/c/caf%E9.vcf');
  });

  it('spells plain paths (read without parsing) as URL resolution does', () => {
    // None of these needs an escape changed, so resolving them as a browser does is the answer.
    const hrefs = [
      '/books/jane/contacts/0f3c-a1.vcf', "/a/b(1)!~*'_x.vcf", '/a/b/', '/a/.hidden.vcf', '/a//b.vcf',
      '/a/./b.vcf', '/a/../b.vcf', '/a/..', '//other.example.com/a.vcf', 'https://dav.example.com/a/b.vcf',
      'https://dav.example.com.evil.org/a.vcf', 'https://dav.example.com', 'https://dav.example.com:8443/a.vcf', 'a.vcf',
    ];
    for (const href of hrefs) expect(absoluteHref(href, BASE), href).toBe(new URL(href, BASE).href);
    expect(absoluteHref('/a/b.vcf', 'http://127.0.0.1:5232/a/')).toBe('http://127.0.0.1:5232/a/b.vcf');
  });

  it('names an href by its path in a body sent to the same origin', () => {
    expect(hrefForBody('https://dav.example.com/c/a%40b.vcf', BASE)).toBe('/c/a%40b.vcf');
    expect(hrefForBody('https://other.example.com/c/a.vcf', BASE)).toBe('https://other.example.com/c/a.vcf');
    expect(hrefForBody('https://dav.example.com/c/plain-1.vcf', BASE)).toBe('/c/plain-1.vcf');
    expect(hrefForBody('https://dav.example.com.evil.org/c/a.vcf', BASE)).toBe('https://dav.example.com.evil.org/c/a.vcf');
  });

  it('compares collections with or without the trailing slash', () => {
    expect(sameResource('https://h/a/b/', 'https://h/a/b')).toBe(true);
    expect(asCollectionUrl('https://h/a/b')).toBe('https://h/a/b/');
  });
});

describe('connection basics', () => {
  it('encodes basic credentials as UTF-8 (RFC 7617 §2.1)', () => {
    const expected = Buffer.from('jörg:pässwörd-日本', 'utf8').toString('base64');
    expect(basicAuthorization('jörg', 'pässwörd-日本')).toBe(`Basic ${expected}`);
  });

  it('reads what a person types as a server URL, dropping credentials', () => {
    expect(normaliseServerUrl(' dav.example.com ')).toBe('https://dav.example.com/');
    expect(normaliseServerUrl('https://jane:secret@dav.example.com/x#y')).toBe('https://dav.example.com/x');
    expect(() => normaliseServerUrl('ftp://dav.example.com/')).toThrow(/https/);
  });
});
