// The pages the popup's first paint is compared with (popup-floor.ts), written into a copy of a
// build so the shipped extension is untouched: what any extension page costs Chromium before its
// first paint, whatever the page holds.
//   blank: a static HTML file, one heading, no script, no stylesheet (Chromium paints nothing
//     before a page has text or an image: its first paint waits for first contentful paint);
//   module: the same with one tiny module script;
//   popup without scripts: the built popup page (its outline and inlined styles) with its
//     module scripts and preloads removed, in the popup's folder: what the page's own HTML and
//     CSS cost, before any of its scripts.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POPUP } from '../test/browser/extension-pages';

export const FLOOR_PAGES = {
  blank: 'floor/blank.html',
  module: 'floor/module.html',
  popupWithoutScripts: POPUP.replace(/index\.html$/, 'without-scripts.html'),
} as const;

const page = (body: string): string =>
  `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8" /><title>Lifeboat</title></head>\n<body><h1>Lifeboat</h1>${body}</body>\n</html>\n`;

/** A copy of `distDir` with the floor pages added; returns its folder. */
export function buildWithFloorPages(distDir = 'dist'): string {
  const copy = mkdtempSync(join(tmpdir(), 'lifeboat-popup-floor-'));
  cpSync(distDir, copy, { recursive: true });
  mkdirSync(join(copy, 'floor'), { recursive: true });
  writeFileSync(join(copy, FLOOR_PAGES.blank), page(''));
  writeFileSync(join(copy, FLOOR_PAGES.module), page('<script type="module" src="./tiny.js"></script>'));
  writeFileSync(join(copy, 'floor/tiny.js'), "document.body.dataset.ran = 'yes';\n");
  const popup = readFileSync(join(copy, POPUP), 'utf8');
  const withoutScripts = popup.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<link\b[^>]*rel="modulepreload"[^>]*>/g, '');
  if (/<script\b/.test(withoutScripts)) throw new Error('The popup page still has a script once its scripts are removed.');
  writeFileSync(join(copy, FLOOR_PAGES.popupWithoutScripts), withoutScripts);
  return copy;
}
