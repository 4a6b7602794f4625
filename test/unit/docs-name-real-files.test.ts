// The docs are how a newcomer finds their way: every source file they name must exist, so a
// rename or a removal that forgets the docs fails here instead of misleading the next reader.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const docs = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const SKIP = new Set(['node_modules', '.git', 'dist', 'dist-firefox', 'release', 'demo-output', 'test-output']);

function projectFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name) || name.startsWith('dist-')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) projectFiles(path, out);
    else out.push(relative(root, path).split('\\').join('/'));
  }
  return out;
}

/** `src/x/y.ts`, `y.ts`, `scripts/setup.sh`: names of code the docs point to, in backticks. */
function namedSourceFiles(markdown: string): string[] {
  return [...markdown.matchAll(/`([A-Za-z0-9_./-]+\.(?:ts|tsx|mjs|sh))`/g)].map((m) => m[1]!);
}

describe('the docs name only files that exist', () => {
  const files = projectFiles(root);
  for (const doc of docs) {
    it(doc, () => {
      const missing = namedSourceFiles(readFileSync(join(root, doc), 'utf8')).filter(
        (name) => !files.some((file) => file === name || file.endsWith(`/${name}`)),
      );
      expect(missing).toEqual([]);
    });
  }
});
