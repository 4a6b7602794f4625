// One build, two browsers. Chrome gets manifest.json as written (plus, when
// LIFEBOAT_GOOGLE_CHROME_CLIENT_ID is set, the oauth2 key of scripts/chrome-oauth-manifest.ts);
// Firefox gets it through a small patch (scripts/firefox-manifest.ts), the way darkreader
// bundles per-browser manifests.
import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import baseManifest from './manifest.json' with { type: 'json' };
import { firefoxManifest } from './scripts/firefox-manifest.ts';
import { withChromeOAuth } from './scripts/chrome-oauth-manifest.ts';

const target = process.env.LIFEBOAT_TARGET === 'firefox' ? 'firefox' : 'chrome';
const manifest = (target === 'firefox' ? firefoxManifest(baseManifest) : withChromeOAuth(baseManifest, process.env.LIFEBOAT_GOOGLE_CHROME_CLIENT_ID)) as ManifestV3Export;

export default defineConfig({
  plugins: [preact(), crx({ manifest, browser: target })],
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
