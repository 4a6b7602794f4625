// The pages' Content Security Policy, and the code it backs up: no remote picture, no plugin
// or frame, no markup inserted as HTML. connect-src must stay open to https: and http:,
// because Chrome applies the extension_pages policy to the service worker too
// (developer.chrome.com/docs/extensions/reference/manifest/content-security-policy), and the
// worker talks to whatever server the person names; the pages themselves fetch nothing remote.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { firefoxManifest } from '../../scripts/firefox-manifest';

const manifest = JSON.parse(readFileSync('manifest.json', 'utf8')) as { content_security_policy: { extension_pages: string } };
const policy = manifest.content_security_policy.extension_pages;
const directives = new Map(
  policy
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .filter((words) => words[0])
    .map(([name, ...sources]) => [name!, sources]),
);

function sourcesOf(dir: string): Array<{ path: string; text: string }> {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourcesOf(path);
    return /\.(ts|tsx|html)$/.test(entry.name) ? [{ path, text: readFileSync(path, 'utf8') }] : [];
  });
}

describe("the extension pages' CSP", () => {
  it('loads everything from the extension itself by default, scripts only from it, no plugins, no frames', () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-src')).toEqual(["'none'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
  });

  it('shows pictures only from the extension and the Blob URLs it makes, never from a server', () => {
    expect(directives.get('img-src')).toEqual(["'self'", 'blob:', 'data:']);
  });

  it('lets the worker reach the servers a person names, and nothing else is opened up', () => {
    expect(directives.get('connect-src')).toEqual(["'self'", 'https:', 'http:']);
    expect([...directives.keys()].sort()).toEqual(['base-uri', 'connect-src', 'default-src', 'frame-src', 'img-src', 'object-src', 'script-src', 'style-src']);
  });

  it('is the same in the Firefox build', () => {
    expect((firefoxManifest(manifest) as typeof manifest).content_security_policy.extension_pages).toBe(policy);
  });

  it('is backed by code that never embeds, frames or writes markup as HTML, and fetches nothing from the pages', () => {
    const pages = [...sourcesOf('src/options'), ...sourcesOf('src/popup'), ...sourcesOf('src/ui')];
    for (const { path, text } of [...pages, ...sourcesOf('src/offscreen')]) {
      expect(text, path).not.toMatch(/<(object|iframe|embed)\b|innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
    }
    for (const { path, text } of pages) expect(text, path).not.toMatch(/\bfetch\(/);
  });
});
