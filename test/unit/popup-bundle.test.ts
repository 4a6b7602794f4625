// The popup opens on every click of the toolbar button: it shows the mirror and sends commands,
// and must carry none of the engine (syncing, providers, the HTTP layer, photos, exporters) nor
// their parsers. .dependency-cruiser.cjs forbids the imports; this reads what the build made of
// them, since one re-export or a shared chunk is enough to pull a module in anyway. And it
// paints its frame before any data arrives: the script its page loads first, with what that
// script imports, stays within a small budget and holds no data layer (src/popup/main.tsx).
// `npm test` builds before the unit layer runs, so dist/ is the build of this checkout.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { styleHash } from '../../scripts/inline-page-css';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '..', '..', 'dist');

/** Source folders of the engine and of the text readers, and the packages only they need. */
const ENGINE_SOURCES = /^src\/(sync|providers|http|photos|hash|exporters|archive|restore|auth|background|offscreen|cards|calendars)\//;
/** The providers' page halves (plain data: setup.ts, oauth.ts, the setup registry, Google's scopes), which pages may load. */
const PAGE_DATA = /^src\/(providers\/(setup-registry|[^/]+\/(setup|oauth))|auth\/google-scopes)\.ts$/;
const ENGINE_PACKAGES = /(^|\/)node_modules\/(exifr|ical\.js|fast-xml-parser|@zip\.js\/zip\.js|@noble\/hashes)\//;

/**
 * Texts each library carries as string literals, which a minifier keeps although it drops the
 * module markers: exifr's block names, ical.js's parser error, zip.js's format error.
 */
const LIBRARY_MARKERS: Record<string, string> = {
  exifr: '"ifd0"',
  'ical.js': 'invalid line (no token',
  'zip.js': 'File format is not recognized',
};

/**
 * Gzipped bytes of the popup's first script with everything it imports statically: Preact, the
 * catalog (with the browser API it reads it through), the frame and the popup itself, about
 * 30 KB in an unminified build. The page paints its outline before any of it runs (index.html);
 * what this budget guards is the time to the counts. The popup was a second chunk loaded after
 * the words until 2026-12-07: with the counts' copy answering about 6 ms after the script starts
 * (db/session-summary.ts), the chunk's fetch and evaluation were what the counts waited for
 * (counts shown 133 → 115 ms, docs/BENCHMARKS.md). The whole popup with Dexie was 75 KB.
 */
const FIRST_SCRIPT_BUDGET_GZIP = 32 * 1024;

/** Files of dist/ the page loads first: its module scripts and the modules it preloads. */
function pageEntries(htmlPath: string): string[] {
  const html = readFileSync(join(dist, htmlPath), 'utf8');
  const urls = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  return urls.map((url) => (url.startsWith('/') ? url.slice(1) : posix.join(posix.dirname(htmlPath), url)));
}

/** Every chunk reachable from `entries` through static imports, and dynamic ones unless told not to. */
function reachableChunks(entries: string[], { dynamic = true } = {}): Set<string> {
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dist, file), 'utf8');
    // Import statements start a line in the output and always name a chunk.
    for (const m of code.matchAll(/^(?:import|export)\b[^;\n]*?["'](\.{1,2}\/[^"']+\.js)["']/gm)) {
      queue.push(posix.normalize(posix.join(posix.dirname(file), m[1]!)));
    }
    // A dynamic import is `import("./chunk.js")`; the same text in a bundled library's JSDoc
    // (`{Map<string, import('./x.js').T>}`) names no file of dist/, so only real chunks count.
    for (const m of dynamic ? code.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+\.js)["']\s*\)/g) : []) {
      const chunk = posix.normalize(posix.join(posix.dirname(file), m[1]!));
      if (existsSync(join(dist, chunk))) queue.push(chunk);
    }
  }
  return seen;
}

/** The modules bundled into a chunk: the build is not minified and marks each with `// <path>`. */
function bundledModules(file: string): string[] {
  return [...readFileSync(join(dist, file), 'utf8').matchAll(/^\/\/ (\S+\.(?:[cm]?js|tsx?))$/gm)].map((m) => m[1]!);
}

describe('the popup bundle', () => {
  it('exists: npm test builds before the unit layer (run `npm run build` when running it alone)', () => {
    expect(existsSync(join(dist, 'manifest.json'))).toBe(true);
  });

  const manifest = existsSync(join(dist, 'manifest.json'))
    ? (JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { action?: { default_popup?: string } })
    : {};
  const popupHtml = manifest.action?.default_popup ?? 'src/popup/index.html';

  it('holds the popup and the page code it shares, and no module of the engine', () => {
    const chunks = reachableChunks(pageEntries(popupHtml));
    const modules = [...chunks].flatMap(bundledModules);
    console.info(`popup: ${chunks.size} chunks, ${modules.length} modules`);
    // The markers are there (a build that dropped them would pass anything below).
    expect(modules).toContain('src/popup/popup.tsx');
    expect(modules.filter((path) => (ENGINE_SOURCES.test(path) && !PAGE_DATA.test(path)) || ENGINE_PACKAGES.test(path))).toEqual([]);
  });

  it('finds no library of the engine by the texts it carries either', () => {
    const chunks = [...reachableChunks(pageEntries(popupHtml))];
    const found = Object.entries(LIBRARY_MARKERS).flatMap(([library, marker]) =>
      chunks.filter((file) => readFileSync(join(dist, file), 'utf8').includes(marker)).map((file) => `${library} in ${file}`),
    );
    expect(found).toEqual([]);
  });

  it('loads the popup in its first script, which reads the counts without Dexie, and the data layer only after it', () => {
    const [first, ...preloaded] = pageEntries(popupHtml);
    // What the page loads before its first render: the page's script and every module it imports statically.
    const firstPath = reachableChunks([first!], { dynamic: false });
    expect([...firstPath].sort()).toEqual([...new Set([first!, ...preloaded, ...firstPath])].sort());
    const gzipped = [...firstPath].reduce((sum, file) => sum + gzipSync(readFileSync(join(dist, file))).length, 0);
    console.info(`popup first script: ${firstPath.size} chunks, ${gzipped} bytes gzipped (budget ${FIRST_SCRIPT_BUDGET_GZIP})`);
    expect(gzipped).toBeLessThanOrEqual(FIRST_SCRIPT_BUDGET_GZIP);
    const modules = [...firstPath].flatMap(bundledModules);
    expect(modules).toEqual(expect.arrayContaining(['src/popup/popup-frame.tsx', 'src/popup/popup.tsx']));
    // Of the database, only the two first reads (the worker's copy in storage.session and the
    // direct read of IndexedDB) and the layout version they check: no Dexie, no schema.
    expect(modules.filter((path) => /^src\/db\//.test(path) || /node_modules\/dexie\//.test(path)).sort()).toEqual([
      'src/db/layout-version.ts',
      'src/db/session-summary.ts',
      'src/db/summary-records-direct.ts',
    ]);
    // Dexie is still there, one dynamic import away (the live counts and the commands).
    expect([...reachableChunks([first!])].flatMap(bundledModules).some((path) => /node_modules\/dexie\//.test(path))).toBe(true);
  });

  it('paints its outline from the page itself: no stylesheet to fetch, each inline style allowed by its hash', () => {
    const html = readFileSync(join(dist, popupHtml), 'utf8');
    expect(html).not.toMatch(/<link rel="stylesheet"/);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    // theme.css and popup.css, and the outline's markup in the body before any script.
    expect(styles.some((css) => css.includes('--accent'))).toBe(true);
    expect(styles.some((css) => css.includes('.skeleton-bar'))).toBe(true);
    expect(html).toMatch(/<body>\s*(?:<!--[\s\S]*?-->\s*)?<div id="app"><main class="popup"/);
    const policy = (JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as { content_security_policy: { extension_pages: string } }).content_security_policy.extension_pages;
    const styleSrc = policy.split(';').find((directive) => directive.trim().startsWith('style-src')) ?? '';
    for (const css of styles) expect(styleSrc).toContain(styleHash(css));
  });

  it('would notice an engine library by its text: the worker and offscreen bundles carry each', () => {
    const engine = [...reachableChunks(['service-worker-loader.js']), ...reachableChunks(pageEntries('src/offscreen/index.html'))];
    const code = engine.map((file) => readFileSync(join(dist, file), 'utf8')).join('\n');
    for (const marker of Object.values(LIBRARY_MARKERS)) expect(code).toContain(marker);
  });

  it('would notice an engine module: the worker bundle has them, found the same way', () => {
    const modules = [...reachableChunks(['service-worker-loader.js'])].flatMap(bundledModules);
    expect(modules.some((path) => path.startsWith('src/sync/'))).toBe(true);
    expect(modules.some((path) => /node_modules\/fast-xml-parser\//.test(path))).toBe(true);
  });
});
