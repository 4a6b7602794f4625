// Waits for a download to finish: Chromium writes `<name>.crdownload` and renames it when done.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export async function waitForFile(dir: string, name: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  const path = join(dir, name);
  while (Date.now() < deadline) {
    if (existsSync(path)) return path;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not appear in ${dir}; it holds: ${readdirSync(dir).join(', ') || 'nothing'}`);
}
