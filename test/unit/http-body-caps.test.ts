// Bodies read up to their cap as they stream in, and decoded without silent changes: a UTF-8
// character split by a line fold decodes exactly, stray bytes stay flagged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCapped } from '../../src/http/body-caps';
import { decodeBody } from '../../src/http/decode-body';
import { TooLargeError } from '../../src/http/policy-errors';

const fixture = (name: string) => new Uint8Array(readFileSync(`test/fixtures/vcard/${name}`));

function endless(counter: { pulled: number }): ReadableStream<Uint8Array> {
  return new ReadableStream({
    pull(controller) {
      counter.pulled++;
      controller.enqueue(new Uint8Array(64 * 1024));
    },
  });
}

describe('readCapped', () => {
  it('stops an endless body just past the cap, naming the host and the cap', async () => {
    const counter = { pulled: 0 };
    const error = await readCapped({ response: new Response(endless(counter)), cap: 1024 * 1024, url: 'https://dav.example.com/secret/path' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TooLargeError);
    expect((error as Error).message).toBe('The answer from dav.example.com was larger than 1 MB; Lifeboat stopped reading it');
    // 16 chunks make the cap; the 17th passes it; a little read-ahead at most.
    expect(counter.pulled).toBeLessThan(20);
  });

  it('refuses a Content-Length past the cap before reading', async () => {
    const counter = { pulled: 0 };
    const response = new Response(endless(counter), { headers: { 'Content-Length': String(10 * 1024 * 1024) } });
    await expect(readCapped({ response, cap: 1024 * 1024, url: 'https://a.example/' })).rejects.toBeInstanceOf(TooLargeError);
    expect(counter.pulled).toBeLessThanOrEqual(1);
  });

  it('returns a body of exactly the cap whole', async () => {
    const bytes = new Uint8Array(1000).fill(65);
    expect(await readCapped({ response: new Response(bytes), cap: 1000, url: 'https://a.example/' })).toEqual(bytes);
  });
});

describe('decodeBody', () => {
  it('decodes a card whose folds split UTF-8 characters exactly (a server folding every 75 octets)', () => {
    const bytes = fixture('folded-split-utf8.vcf');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { text, lossy } = decodeBody(bytes, 'text/vcard; charset=utf-8');
    expect(lossy).toBe(false);
    expect(text.replace(/\r\n[ \t]/g, '')).toContain('FN:山田太郎 😀 とても長い名前のテストです。絵文字🎉🎌も途中で折り返されます');
    expect(text).not.toContain('\uFFFD');
  });

  it('still flags Latin-1 bytes, and keeps a replacement character the server really sent', () => {
    expect(decodeBody(fixture('invalid-utf8.vcf'), 'text/vcard').lossy).toBe(true);
    const sent = new TextEncoder().encode('FN:a\uFFFDb\r\n');
    expect(decodeBody(sent, 'text/vcard')).toEqual({ text: 'FN:a\uFFFDb\r\n', lossy: false });
    // A served U+FFFD next to a split fold: only the fold is repaired.
    const split = new Uint8Array([...new TextEncoder().encode('FN:\uFFFD'), 0xe5, 0x0d, 0x0a, 0x20, 0xb1, 0xb1]);
    expect(decodeBody(split, 'text/vcard')).toEqual({ text: 'FN:\uFFFD山', lossy: false });
  });
});
