// A copy of the built extension for a test or the demo. In a headless browser nobody can
// click "Allow" on a host-permission prompt, so the copy's manifest also lists the loopback
// hosts under host_permissions: what the user's "Allow" would grant. permissions.request()
// then resolves true at once and the real code path still runs.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function prepareExtensionCopy(distDir: string, grantHosts: string[]): string {
  const copy = mkdtempSync(join(tmpdir(), 'lifeboat-ext-'));
  cpSync(distDir, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...grantHosts];
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2));
  return copy;
}
