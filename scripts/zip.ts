// Release zips for Chrome (dist/) and Firefox (dist-firefox/), byte-identical when rebuilt
// from the same commit: entries sorted, one fixed timestamp, no extra fields that record
// the build machine's clock (as darkreader's tasks/zip.js does).
import { readdirSync, readFileSync, mkdirSync, writeFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipWriter } from '@zip.js/zip.js';
import packageJson from '../package.json' with { type: 'json' };

configure({ useWebWorkers: false });

const FIXED_DATE = new Date(Date.UTC(2000, 0, 1, 0, 0, 0));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((path) => statSync(join(dir, path)).isFile())
    .map((path) => path.split(sep).join('/'))
    .sort();
}

async function zipFolder(dir: string, outFile: string): Promise<string> {
  const writer = new ZipWriter(new Uint8ArrayWriter(), { extendedTimestamp: false, lastModDate: FIXED_DATE, level: 9 });
  for (const path of filesUnder(dir)) {
    await writer.add(path, new Uint8ArrayReader(readFileSync(join(dir, path))), { lastModDate: FIXED_DATE });
  }
  const bytes = await writer.close();
  writeFileSync(outFile, bytes);
  return createHash('sha256').update(bytes).digest('hex');
}

mkdirSync('release', { recursive: true });
for (const [dir, browser] of [['dist', 'chrome'], ['dist-firefox', 'firefox']] as const) {
  const out = `release/lifeboat-${packageJson.version}-${browser}.zip`;
  const sha = await zipFolder(dir, out);
  console.log(`${out}  sha256 ${sha}`);
}
