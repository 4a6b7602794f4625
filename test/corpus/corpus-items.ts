// The interop corpus as the tests read it: every file under items/<source>/ and hard-cases/.
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

export type CorpusKind = 'vcard' | 'ical';

export interface CorpusItem {
  /** `<source>/<file>`: how the summary and the allow-list name an item. */
  id: string;
  source: string;
  /** File name, also the item's name on the server. */
  name: string;
  kind: CorpusKind;
  /** The file's bytes, PUT as they are (a hard case may not be UTF-8 on purpose). */
  bytes: Buffer;
  /** The first UID of the item, unfolded; undefined when it has none. */
  uid: string | undefined;
}

export const CORPUS_DIR = import.meta.dirname;
export const HARD_CASES = 'hard-cases';

/** RFC 6350 §3.2 / RFC 5545 §3.1 unfolding, enough to read a UID. */
const unfold = (text: string): string => text.replace(/\r?\n[ \t]/g, '');

function firstUid(text: string): string | undefined {
  const match = /^UID(?:;[^:\r\n]*)?:([^\r\n]*)/im.exec(unfold(text));
  return match?.[1]?.trim();
}

function readSource(dir: string, source: string): CorpusItem[] {
  return readdirSync(dir)
    .filter((name) => ['.vcf', '.ics'].includes(extname(name).toLowerCase()))
    .sort()
    .map((name) => {
      const bytes = readFileSync(join(dir, name));
      const kind: CorpusKind = extname(name).toLowerCase() === '.vcf' ? 'vcard' : 'ical';
      return { id: `${source}/${name}`, source, name, kind, bytes, uid: firstUid(bytes.toString('utf8')) };
    });
}

/** Every source's items, then the hard cases (source `hard-cases`). */
export function loadCorpus(): CorpusItem[] {
  const itemsDir = join(CORPUS_DIR, 'items');
  const sources = readdirSync(itemsDir).sort();
  return [...sources.flatMap((s) => readSource(join(itemsDir, s), s)), ...readSource(join(CORPUS_DIR, HARD_CASES), HARD_CASES)];
}

export function hardCases(): CorpusItem[] {
  return readSource(join(CORPUS_DIR, HARD_CASES), HARD_CASES);
}
