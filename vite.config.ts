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

export default defineConfig({
  plugins: [preact(), crx({ manifest, browser: target }), inlinePageCss(['src/popup/index.html']), ...(target === 'firefox' ? [firefoxBackgroundName('background.js')] : [])],
  build: {
    outDir: target === 'firefox' ? 'dist-firefox' : 'dist',
    emptyOutDir: true,
    // Readable output: a reviewer of the store package can read what runs.
    minify: false,
    sourcemap: false,
    target: 'es2022',
    rollupOptions: {
      input: { offscreen: 'src/offscreen/index.html' },
    },
  },
  // No dev server in the browser: the extension is always loaded from a build.
  server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
});
