// A long multistatus answer read a chunk of responses at a time (multistatus-chunks.ts) gives
// exactly the entries and sync token of the answer read whole, whatever the prefixes, spacing,
// empty or nested responses; and an answer where a response tag could be text (a comment, a CDATA
// section, a DOCTYPE) is never split.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseMultistatus } from '../../src/providers/dav/dav-multistatus';
import { SPLIT_ABOVE, splitResponses } from '../../src/providers/dav/multistatus-chunks';

const BASE = 'https://dav.example.com/alice/book/';

/** What reading `body` one chunk at a time gives, each chunk read whole (they are small). */
function readInChunks(body: string, perChunk: number) {
  const chunks = splitResponses(body, perChunk, 0);
  if (!chunks) return null;
  const parts = [...chunks].map((chunk) => parseMultistatus(chunk, BASE));
  return { entries: parts.flatMap((part) => part!.entries), syncToken: parts.find((part) => part?.syncToken !== undefined)?.syncToken };
}

function expectSameAsWhole(body: string, perChunk: number): void {
  const whole = parseMultistatus(body, BASE)!;
  const inChunks = readInChunks(body, perChunk);
  expect(inChunks).not.toBeNull();
  expect(inChunks!.entries).toEqual(whole.entries);
  expect(inChunks!.syncToken).toEqual(whole.syncToken);
}

const prefix = fc.constantFrom('D:', 'd:', '', 'dav.x:');
const response = fc.record({
  n: fc.nat({ max: 999 }),
  kind: fc.constantFrom('ok', 'removed', 'empty', 'nested', 'description', 'two-hrefs'),
  space: fc.constantFrom('', ' ', '\n  '),
});

function answer(p: string, items: Array<{ n: number; kind: string; space: string }>, token: 'end' | 'start' | 'none'): string {
  const ns = p === '' ? 'xmlns="DAV:"' : `xmlns:${p.slice(0, -1)}="DAV:"`;
  const tag = (name: string, inner: string) => `<${p}${name}>${inner}</${p}${name}>`;
  const ok = (n: number) => tag('propstat', tag('prop', tag('getetag', `"e${n}"`)) + tag('status', 'HTTP/1.1 200 OK'));
  const body = items.map(({ n, kind, space }) => {
    if (kind === 'removed') return `<${p}response${space}>${tag('href', `${n}.vcf`)}${tag('status', 'HTTP/1.1 404 Not Found')}</${p}response${space}>`;
    if (kind === 'empty') return `<${p}response${space}/>`;
    // A response inside a property: not an answer any server sends, and the split must not cut it.
    if (kind === 'nested') return tag('response', tag('href', `${n}.vcf`) + tag('propstat', tag('prop', tag('response', tag('href', 'inner.vcf'))) + tag('status', 'HTTP/1.1 200 OK')));
    if (kind === 'description') return tag('response', tag('href', `${n}.vcf`) + ok(n)) + tag('responsedescription', 'x');
    if (kind === 'two-hrefs') return tag('response', tag('href', `${n}.vcf`) + tag('href', `${n}b.vcf`) + tag('status', 'HTTP/1.1 404 Not Found'));
    return tag('response', tag('href', `${n}.vcf`) + ok(n));
  });
  const sync = tag('sync-token', 'http://example.com/sync/42');
  return `<?xml version="1.0" encoding="utf-8"?>\n<${p}multistatus ${ns}>${token === 'start' ? sync : ''}${body.join('\n')}${token === 'end' ? sync : ''}</${p}multistatus>\n`;
}

describe('a long multistatus answer read in chunks', () => {
  it('gives the entries and the sync token the whole answer gives, for any cut', () => {
    fc.assert(
      fc.property(prefix, fc.array(response, { maxLength: 30 }), fc.constantFrom('end' as const, 'start' as const, 'none' as const), fc.integer({ min: 1, max: 7 }), (p, items, token, perChunk) => {
        expectSameAsWhole(answer(p, items, token), perChunk);
      }),
      { numRuns: 300 },
    );
  });

  it('reads every real server answer of the fixtures alike, cut after every response', () => {
    const dir = 'test/fixtures/dav';
    const answers = readdirSync(dir).filter((name) => name.endsWith('.xml')).map((name) => readFileSync(`${dir}/${name}`, 'utf8'));
    const splittable = answers.filter((body) => splitResponses(body, 1, 0) !== null);
    expect(splittable.length).toBeGreaterThan(3);
    for (const body of splittable) expectSameAsWhole(body, 1);
  });

  it('never splits where a response tag could be text, nor a short answer', () => {
    const items = [{ n: 1, kind: 'ok', space: '' }, { n: 2, kind: 'ok', space: '' }];
    const body = answer('D:', items, 'end');
    expect(splitResponses(body, 1, 0)).not.toBeNull();
    const root = '<D:multistatus xmlns:D="DAV:">';
    for (const inserted of ['<!-- </D:response> -->', '<![CDATA[</D:response>]]>', '<?pi x?>']) {
      expect(splitResponses(body.replace(root, `${root}${inserted}`), 1, 0), inserted).toBeNull();
    }
    expect(splitResponses(`<!DOCTYPE x>${body}`, 1, 0)).toBeNull();
    expect(splitResponses(body, 1)).toBeNull();
  });

  it('reads a listing over the size it splits at as it read it whole', () => {
    const items = Array.from({ length: 50_000 }, (_, n) => ({ n, kind: n % 97 === 0 ? 'removed' : 'ok', space: '' }));
    const body = answer('D:', items, 'end');
    expect(body.length).toBeGreaterThan(SPLIT_ABOVE);
    const split = parseMultistatus(body, BASE)!;
    // The same answer with a comment in it is read whole: what the split must give.
    const whole = parseMultistatus(body.replace('<D:multistatus xmlns:D="DAV:">', '<D:multistatus xmlns:D="DAV:"><!-- whole -->'), BASE)!;
    expect(split.entries).toHaveLength(50_000);
    expect(split).toEqual(whole);
    // Two reads of 50,000 responses and their comparison: about 4 s on a quiet 2-core machine,
    // over Vitest's 5 s default when other test files run beside it. A size test, not a timed one.
  }, 60_000);
});
