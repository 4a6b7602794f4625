// The DAV client runs in an extension service worker: no DOMParser (a Window API), no Node
// APIs, no dynamic import() (GUIDE §4). A source scan keeps it that way.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '..', '..', 'src', 'providers', 'dav');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));

describe('src/providers/dav is service-worker safe', () => {
  it.each(files)('%s uses no DOM parser, Node API or dynamic import', (file) => {
    const code = readFileSync(join(DIR, file), 'utf8').replace(/^\s*\/\/.*$/gm, '');
    expect(code).not.toMatch(/\bDOMParser\b|\bdocument\.|\bwindow\./);
    expect(code).not.toMatch(/\bBuffer\b|\bprocess\.|\brequire\(|from 'node:/);
    expect(code).not.toMatch(/\bimport\(/);
    const imports = [...code.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    for (const spec of imports) expect(spec === 'fast-xml-parser' || spec?.startsWith('.')).toBe(true);
  });
});
