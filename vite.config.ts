// One build, two browsers. Chrome gets manifest.json as written (plus, when
// LIFEBOAT_GOOGLE_CHROME_CLIENT_ID is set, the oauth2 key of scripts/chrome-oauth-manifest.ts);
// Firefox gets it through a small patch (scripts/firefox-manifest.ts), the way darkreader
// bundles per-browser manifests.
import { defineConfig, type Plugin } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import { firefoxManifest } from './scripts/firefox-manifest.ts';
import { withChromeOAuth } from './scripts/chrome-oauth-manifest.ts';
import { inlinePageCss } from './scripts/inline-page-css.ts';

const target = process.env.LIFEBOAT_TARGET === 'firefox' ? 'firefox' : 'chrome';
const manifest = (target === 'firefox' ? firefoxManifest(baseManifest) : withChromeOAuth(baseManifest, process.env.LIFEBOAT_GOOGLE_CHROME_CLIENT_ID)) as ManifestV3Export;

/**
 * Firefox runs an event page, not a service worker, yet @crxjs names the background loader
 * `service-worker-loader.js` for both. Renamed to what it is, in the bundle and the manifest,
 * after @crxjs has written both.
 */
function firefoxBackgroundName(fileName: string): Plugin {
  return {
    name: 'lifeboat-firefox-background-name',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const loader = bundle['service-worker-loader.js'];
        const manifestFile = bundle['manifest.json'];
        if (loader?.type !== 'asset' || manifestFile?.type !== 'asset') throw new Error('The Firefox build has no background loader or manifest to rename');
        delete bundle['service-worker-loader.js'];
        this.emitFile({ type: 'asset', fileName, source: loader.source });
        const written = JSON.parse(String(manifestFile.source)) as { background: { scripts: string[] } };
        written.background.scripts = written.background.scripts.map((script) => (script === 'service-worker-loader.js' ? fileName : script));
        manifestFile.source = JSON.stringify(written, null, 2);
      },
    },
  };
}

/**
 * What the popup's first script needs besides itself, in two chunks rather than the six the
 * bundler made of it (each shared with other pages in its own way): with the polyfill gone
 * (below), the popup fetches four module scripts before its words can paint (itself, these two
 * and the bundler's runtime), each a request through the browser process, slow under load
 * (docs/BENCHMARKS.md, "Popup first paint"). One holds what the service worker loads too: the
 * catalog with the browser API it reads through, and the first read's layout version and the
 * model helpers its summaries use (named, or the bundler would fold them into the other and the
 * worker would load Preact). The other holds what only pages load: Preact, the page's language,
 * the preload helper, and the first read of the counts with its summaries.
 */
const FIRST_SCRIPT_CHUNKS = [
  {
    name: 'i18n',
    test: (id: string) => /src\/shared\/(browser|i18n)\.ts$|node_modules\/webextension-polyfill\/|src\/db\/layout-version\.ts$|src\/model\/(counter|wipe-mark)\.ts$/.test(id),
  },
  {
    name: 'page-core',
    test: (id: string) =>
      /node_modules\/preact\/(dist|jsx-runtime)\/|src\/ui\/(page-language|summarize-accounts)\.ts$|src\/db\/summary-records-direct\.ts$|vite[/\\]preload-helper/.test(id),
  },
];

export default defineConfig({
  plugins: [preact(), crx({ manifest, browser: target }), inlinePageCss(['src/popup/index.html']), ...(target === 'firefox' ? [firefoxBackgroundName('background.js')] : [])],
  build: {
    outDir: target === 'firefox' ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    // Readable output: a reviewer of the store package can read what runs.
    minify: false,
    sourcemap: false,
    target: 'es2022',
    // Every browser this extension supports preloads modules itself (Chrome from 66, Firefox
    // from 115; the manifest asks for 116 and 140): the polyfill was one more module script for
    // each page to fetch before its first paint.
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: { offscreen: 'src/offscreen/index.html' },
      output: { codeSplitting: { groups: FIRST_SCRIPT_CHUNKS } },
    },
  },
  // No dev server in the browser: the extension is always loaded from a build.
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
