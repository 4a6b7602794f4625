// Searches every file of a browser profile for secrets, as someone holding a copy of the
// profile's folder could: LevelDB logs and tables (extension storage, IndexedDB), SQLite files,
// caches, preferences. Each secret is looked for in UTF-8 and in UTF-16LE (how Chromium's
// IndexedDB and V8's serializer may write a string).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export interface ProfileHit {
  secret: string;
  encoding: 'utf8' | 'utf16le';
  file: string;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (stat?.isDirectory()) out.push(...filesUnder(path));
    else if (stat?.isFile()) out.push(path);
  }
  return out;
}

export function searchProfile(profileDir: string, secrets: string[]): { files: number; hits: ProfileHit[] } {
  const needles = secrets.flatMap((secret) =>
    (['utf8', 'utf16le'] as const).map((encoding) => ({ secret, encoding, bytes: Buffer.from(secret, encoding) })),
  );
  const files = filesUnder(profileDir);
  const hits: ProfileHit[] = [];
  for (const file of files) {
    const content = readFileSync(file);
    for (const needle of needles) {
      if (content.includes(needle.bytes)) hits.push({ secret: needle.secret, encoding: needle.encoding, file: relative(profileDir, file) });
    }
  }
  return { files: files.length, hits };
}
