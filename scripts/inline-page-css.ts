// Writes a page's stylesheets into the page itself. A `<link rel="stylesheet">` blocks rendering
// until the file is fetched, and in an extension page each fetch is a round trip through the
// browser process: under load the popup's first paint waited tens of milliseconds for its two
// small stylesheets (a Chromium trace showed the page parsed at 20 ms and painted at 66 ms).
// The manifest's policy says `style-src 'self'`, so each inlined style is allowed by its hash,
// added to that directive (CSP Level 3, "hash-source"; https://www.w3.org/TR/CSP3/#grammardef-hash-source).
import { createHash } from 'node:crypto';
import type { Plugin } from 'vite';

const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*\shref="\/([^"]+\.css)"[^>]*>/g;

type BuiltManifest = { content_security_policy?: { extension_pages?: string } };

/** `policy` with `sources` added to its style-src directive. */
export function allowStyles(policy: string, sources: string[]): string {
  if (!/(^|;)\s*style-src\s/.test(policy)) throw new Error(`The extension pages' policy has no style-src to allow inline styles in: ${policy}`);
  return policy.replace(/((?:^|;)\s*style-src\s[^;]*)/, (directive) => `${directive.trimEnd()} ${sources.join(' ')}`);
}

/** The CSP hash-source of a <style> element's text. */
export function styleHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** Inlines every stylesheet the built `pages` (their paths in the bundle) link to, and allows them in the manifest's policy. */
export function inlinePageCss(pages: string[]): Plugin {
  return {
    name: 'lifeboat-inline-page-css',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const hashes = new Set<string>();
        for (const page of pages) {
          const html = bundle[page];
          if (html?.type !== 'asset') throw new Error(`The build has no page ${page} to inline stylesheets into`);
          html.source = String(html.source).replace(STYLESHEET_LINK, (_link, file: string) => {
            const css = bundle[file];
            if (css?.type !== 'asset') throw new Error(`${page} links to ${file}, which the build did not make`);
            const text = String(css.source);
            hashes.add(styleHash(text));
            return `<style>${text}</style>`;
          });
        }
        const manifestFile = bundle['manifest.json'];
        if (manifestFile?.type !== 'asset') throw new Error('The build has no manifest.json to allow the inlined styles in');
        const manifest = JSON.parse(String(manifestFile.source)) as BuiltManifest;
        const policy = manifest.content_security_policy?.extension_pages;
        if (policy === undefined) throw new Error('The manifest has no policy for extension pages');
        manifest.content_security_policy = { ...manifest.content_security_policy, extension_pages: allowStyles(policy, [...hashes]) };
        manifestFile.source = JSON.stringify(manifest, null, 2);
      },
    },
  };
}
