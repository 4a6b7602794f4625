import { describe, expect, it } from 'vitest';
import { planPush, resourceName } from '../../src/restore/push-plan';

const item = (uid: string | null, raw = `card ${uid}`) => ({ title: `T ${uid}`, uid, raw });

describe('planPush', () => {
  it('creates what the collection lacks, under names made from the UIDs, and leaves what it holds', async () => {
    const plan = await planPush([item('a'), item('b'), item('c')], new Set(['b']), 'https://dav.example.com/book', '.vcf');
    expect(plan.create.map((c) => c.url)).toEqual(['https://dav.example.com/book/a.vcf', 'https://dav.example.com/book/c.vcf']);
    expect(plan.alreadyThere.map((c) => c.uid)).toEqual(['b']);
  });

  it('hashes a UID that is not safe in a path, and the text of an item with none, the same way every time', async () => {
    const odd = item('urn:uuid:1/2 ä?');
    const none = item(null, 'BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n');
    const first = await planPush([odd, none], new Set(), 'https://dav.example.com/book/', '.vcf');
    const second = await planPush([odd, none], new Set(), 'https://dav.example.com/book/', '.vcf');
    expect(first.create.map((c) => c.url)).toEqual(second.create.map((c) => c.url));
    for (const { url } of first.create) expect(url).toMatch(/^https:\/\/dav\.example\.com\/book\/lifeboat-[0-9a-f]{32}\.vcf$/);
    expect(await resourceName(item('.hidden'), '.vcf')).toMatch(/^lifeboat-/);
  });

  it('writes one resource for two copies of one UID', async () => {
    const plan = await planPush([item('a', 'one'), item('a', 'two')], new Set(), 'https://dav.example.com/book/', '.vcf');
    expect(plan.create).toHaveLength(1);
    expect(plan.alreadyThere).toHaveLength(1);
  });
});
