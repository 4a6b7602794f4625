// Reading a zip entry the person picked, without trusting it: an entry is decompressed as a
// stream and refused as soon as it passes a cap, so a zip bomb (a few MB deflating to GB,
// https://www.bamsoftware.com/hacks/zipbomb/) never reaches memory whole. The sizes the zip
// declares are checked first (cheap), and the bytes actually produced are counted as they
// arrive, since a crafted central directory can declare anything (APPNOTE 4.4.8, 4.4.9).
import type { FileEntry } from './zip';

export interface EntryCaps {
  /** Largest entry read, decompressed. */
  perEntry: number;
  /** Largest sum of entries read from one archive, decompressed. */
  total: number;
  /** Decompressed size over compressed size beyond which an entry is a bomb... */
  maxRatio: number;
  /** ...once it has produced more than this many bytes (small, very repetitive files are fine). */
  ratioFrom: number;
}

const MB = 1024 * 1024;

/** A .vcf or .ics of 64 MB is already hundreds of thousands of contacts. */
export const TEXT_CAPS: EntryCaps = { perEntry: 64 * MB, total: 512 * MB, maxRatio: 100, ratioFrom: MB };

/** `damaged`: zip.js refused the entry (a bad CRC, sizes that disagree between its headers). */
export type SkipReason = 'tooBig' | 'bomb' | 'total' | 'damaged';

/** An entry not read, named, so the person is told which one and why. */
export interface SkippedEntry {
  name: string;
  reason: SkipReason;
}

class Refused extends Error {
  constructor(readonly reason: SkipReason) {
    super(reason);
  }
}

/** What one archive has read so far, shared by its entries for the total cap. */
export interface ReadBudget {
  caps: EntryCaps;
  used: number;
}

export const readBudget = (caps: EntryCaps = TEXT_CAPS): ReadBudget => ({ caps, used: 0 });

function declaredRefusal(entry: FileEntry, budget: ReadBudget): SkipReason | null {
  const { caps } = budget;
  const size = entry.uncompressedSize;
  if (size > caps.ratioFrom && size > caps.maxRatio * Math.max(1, entry.compressedSize)) return 'bomb';
  if (size > caps.perEntry) return 'tooBig';
  if (budget.used + size > caps.total) return 'total';
  return null;
}

/**
 * The entry's bytes, or why they were refused. Counted against `budget` as they arrive; an
 * entry refused part way gives its bytes back, so the entries after it still fit.
 */
export async function readEntryCapped(entry: FileEntry, budget: ReadBudget): Promise<Uint8Array | SkippedEntry> {
  const declared = declaredRefusal(entry, budget);
  if (declared) return { name: entry.filename, reason: declared };
  const { caps } = budget;
  const chunks: Uint8Array[] = [];
  let length = 0;
  const sink = new WritableStream<Uint8Array>({
    write(chunk) {
      length += chunk.length;
      if (length > caps.ratioFrom && length > caps.maxRatio * Math.max(1, entry.compressedSize)) throw new Refused('bomb');
      if (length > caps.perEntry) throw new Refused('tooBig');
      if (budget.used + length > caps.total) throw new Refused('total');
      chunks.push(chunk);
    },
  });
  try {
    await entry.getData(sink);
  } catch (error) {
    // A missing or wrong passphrase is not damage: the caller asks the person for it.
    if (/encrypted entry|invalid password/i.test(error instanceof Error ? error.message : '')) throw error;
    return { name: entry.filename, reason: error instanceof Refused ? error.reason : 'damaged' };
  }
  budget.used += length;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.length;
  }
  return bytes;
}

/** The entry as UTF-8 text (bytes that are not UTF-8 become U+FFFD, which the import refuses), or why it was refused. */
export async function readEntryText(entry: FileEntry, budget: ReadBudget): Promise<string | SkippedEntry> {
  const bytes = await readEntryCapped(entry, budget);
  return bytes instanceof Uint8Array ? new TextDecoder().decode(bytes) : bytes;
}
