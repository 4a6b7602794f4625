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

const besidePopup = (name: string): string => POPUP.replace(/index\.html$/, name);

export const FLOOR_PAGES = {
  blank: 'floor/blank.html',
  module: 'floor/module.html',
  popupWithoutScripts: besidePopup('without-scripts.html'),
} as const;

/**
 * The popup page with its scripts loaded otherwise, to see what holds its first paint: its module
 * script marked async (run when fetched, not held for the end of parsing: HTML's "list of scripts
 * that will execute when the document has finished parsing" holds deferred and module scripts
 * only), and without the modulepreload links (its imports fetched once the script asks).
 */
export const POPUP_VARIANTS = {
  asyncScript: besidePopup('async-script.html'),
  noPreload: besidePopup('no-preload.html'),
} as const;

const MODULE_SCRIPT = /<script type="module"/g;
const MODULE_PRELOAD = /<link\b[^>]*rel="modulepreload"[^>]*>/g;

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
  const withoutScripts = popup.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(MODULE_PRELOAD, '');
  if (/<script\b/.test(withoutScripts)) throw new Error('The popup page still has a script once its scripts are removed.');
  writeFileSync(join(copy, FLOOR_PAGES.popupWithoutScripts), withoutScripts);
  if (!popup.includes('<script type="module"') || !popup.includes('rel="modulepreload"')) throw new Error('The popup page has no module script or no modulepreload to vary.');
  writeFileSync(join(copy, POPUP_VARIANTS.asyncScript), popup.replace(MODULE_SCRIPT, '<script type="module" async'));
  writeFileSync(join(copy, POPUP_VARIANTS.noPreload), popup.replace(MODULE_PRELOAD, ''));
  return copy;
}
