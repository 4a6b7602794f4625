// Every text a person reads goes through t() from the English catalog: a key used in the code
// must exist there, and a key nothing uses is a text that no longer shows anywhere.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const catalog = Object.keys(JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, unknown>);

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [readFileSync(path, 'utf8')] : [];
  });
}

const code = sources('src').join('\n');
const manifest = readFileSync('manifest.json', 'utf8');

describe('the English catalog', () => {
  it('has every key the code passes to t()', () => {
    const used = [...code.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(50);
    expect(used.filter((key) => !catalog.includes(key))).toEqual([]);
  });

  it('has no key that nothing uses', () => {
    // Keys appear as string literals (t('key'), { label: 'key' }), as `prefix_${…}` templates,
    // or as __MSG_key__ in the manifest.
    const prefixes = [...code.matchAll(/`([A-Za-z]+_)\$\{/g)].map((m) => m[1]!);
    const isUsed = (key: string) =>
      code.includes(`'${key}'`) || code.includes(`"${key}"`) || manifest.includes(`__MSG_${key}__`) || prefixes.some((p) => key.startsWith(p));
    expect(catalog.filter((key) => !isUsed(key))).toEqual([]);
  });
});
