// Providers are plugins: everything about a kind of account lives in its folder,
// src/providers/<kind>/, and the rest of the code asks the registries (setup-registry.ts for the
// pages, registry.ts for the worker) instead of naming the kind. A kind's literal may appear in
// at most three files outside its folder: model/account.ts's union, a schema migration, and a
// registry line if one ever needs it.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const MAX_FILES_OUTSIDE = 3;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return files(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** The kinds as model/account.ts spells them: read from the source, so this runs whatever the registries say. */
function accountKinds(): string[] {
  const union = /export type AccountKind =([^;]+);/.exec(readFileSync('src/model/account.ts', 'utf8'))?.[1] ?? '';
  return [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

const sources = files('src').map((path) => ({ path, text: readFileSync(path, 'utf8') }));

describe('account kinds', () => {
  const kinds = accountKinds();

  it('are read from the model', () => {
    expect(kinds.length).toBeGreaterThanOrEqual(7);
  });

  it.each(kinds)('%s is named in at most three files outside its provider folder', (kind) => {
    const folder = join('src', 'providers', kind) + '/';
    const literal = new RegExp(`['"]${kind.replace(/[-]/g, '\\-')}['"]`);
    const outside = sources.filter(({ path, text }) => !path.startsWith(folder) && literal.test(text)).map(({ path }) => path);
    expect(outside.length, `files naming '${kind}': ${outside.join(', ')}`).toBeLessThanOrEqual(MAX_FILES_OUTSIDE);
  });

  it.each(kinds)('%s has a folder with its setup and its provider', (kind) => {
    expect(existsSync(join('src', 'providers', kind, 'setup.ts'))).toBe(true);
    expect(existsSync(join('src', 'providers', kind, 'provider.ts'))).toBe(true);
  });

  it('are each listed once by both registries', async () => {
    const { PROVIDER_SETUPS } = await import('../../src/providers/setup-registry');
    const { PROVIDER_ENGINES } = await import('../../src/providers/registry');
    expect(PROVIDER_SETUPS.map((s) => s.kind).sort()).toEqual([...kinds].sort());
    expect(PROVIDER_ENGINES.map((p) => p.setup)).toEqual(PROVIDER_SETUPS);
  });
});
