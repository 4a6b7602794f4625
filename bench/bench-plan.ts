// What one benchmark run measures: the servers, the sizes of the sweep, how often each figure
// is repeated (the median is reported), and which parts run. `small` keeps CI quick: one
// repetition at a small size proves the benchmark works; its figures mean little.
import { SERVER_NAMES, type ServerName } from './bench-server';

export type BenchPart = 'dav' | 'photos' | 'side' | 'growth';
/** What a plan runs unless told otherwise; the growth part is long (an hour) and asked for by name. */
const PARTS: BenchPart[] = ['dav', 'photos', 'side'];
const ALL_PARTS: BenchPart[] = [...PARTS, 'growth'];

export interface BenchPlan {
  name: string;
  /** Whether the figures mean something: only then do they go into docs/BENCHMARKS.md. */
  recorded: boolean;
  /** Contacts per size; events as many, tasks a tenth (generate-data.ts). */
  sizes: number[];
  /** Runs of every figure; the median is reported, every run kept in the results. */
  repeat: number;
  servers: ServerName[];
  /** Upstream edits before each "sync of changes" run. */
  changes: number;
  /** Photo libraries measured (photo-mirror.ts), and the size of each photo. */
  photoCounts: number[];
  photoBytes: number;
  /**
   * One more library of phone-sized photos (bigger than a download part, so stored in parts):
   * the sweep's small files measure the cost per file, this one the cost per byte.
   */
  phonePhotos: { count: number; bytes: number } | null;
  /** Contacts of the side-by-side "as a person sees it" (one Radicale, vdirsyncer vs Lifeboat). */
  sideBySideContacts: number;
  /**
   * The contact counts of the growth part: the address book grows, the calendars stay as at
   * 1,000 contacts (generate-data.ts, contactsGrowthSize), so the 100,000-contact point measures
   * how the cost follows the contacts.
   */
  growthContacts: number[];
  /** The parts that run: contacts and calendars (dav), photos, the side-by-side, the contacts' growth. */
  parts: BenchPart[];
}

export const PLANS: Record<string, BenchPlan> = {
  small: { name: 'small', recorded: false, sizes: [200], repeat: 1, servers: SERVER_NAMES, changes: 100, photoCounts: [100], photoBytes: 128 * 1024, phonePhotos: null, sideBySideContacts: 100, growthContacts: [100, 300], parts: PARTS },
  // 1,000 and 10,000 contacts: 2,100 and 21,000 items, the ends of the growth exponent.
  default: { name: 'default', recorded: true, sizes: [1000, 10000], repeat: 3, servers: SERVER_NAMES, changes: 100, photoCounts: [1000, 10000], photoBytes: 128 * 1024, phonePhotos: { count: 200, bytes: 5 * 2 ** 20 }, sideBySideContacts: 3000, growthContacts: [10_000, 100_000], parts: PARTS },
};

function counts(flag: string, text: string, least: number): number[] {
  const parsed = text.split(',').map(Number);
  if (parsed.some((n) => !Number.isInteger(n) || n < least)) throw new Error(`${flag} takes whole numbers (at least ${least}): ${text}`);
  return parsed;
}

/**
 * `--size small|default` picks a plan; `--sizes 1000,5000` overrides its contact sizes,
 * `--photos 1000,10000` its photo libraries,
 * `--repeat N` the runs per figure, `--server radicale|cyrus|both` the servers,
 * `--only dav|photos|side|growth` runs one part, `--with-100k` adds the growth part (10,000 and
 * 100,000 contacts) to the others, `--growth-sizes 1000,5000` overrides its contact counts.
 */
export function planFromArgs(args: string[]): BenchPlan {
  const value = (flag: string): string | undefined => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const name = value('--size') ?? 'default';
  const plan = PLANS[name];
  if (!plan) throw new Error(`Unknown --size ${name}; use ${Object.keys(PLANS).join(' or ')}.`);
  const only = value('--only');
  if (only !== undefined && !ALL_PARTS.includes(only as BenchPart)) throw new Error(`Unknown --only ${only}; use ${ALL_PARTS.join(', ')}.`);
  const server = value('--server');
  if (server !== undefined && server !== 'both' && !SERVER_NAMES.includes(server as ServerName)) throw new Error(`Unknown --server ${server}; use ${SERVER_NAMES.join(', ')} or both.`);
  const repeatText = value('--repeat');
  const sizesText = value('--sizes');
  const photos = value('--photos');
  const with100k = args.includes('--with-100k');
  const growthText = value('--growth-sizes');
  return {
    ...plan,
    name: [plan.name, sizesText && `sizes ${sizesText}`, with100k && 'with 100k', growthText && `growth sizes ${growthText}`, photos && `photos ${photos}`, server && `server ${server}`, repeatText && `repeat ${repeatText}`, only && `only ${only}`]
      .filter(Boolean)
      .join(', '),
    sizes: sizesText === undefined ? plan.sizes : counts('--sizes', sizesText, 10),
    growthContacts: growthText === undefined ? plan.growthContacts : counts('--growth-sizes', growthText, 10),
    repeat: repeatText === undefined ? plan.repeat : counts('--repeat', repeatText, 1)[0]!,
    servers: server === undefined || server === 'both' ? plan.servers : [server as ServerName],
    photoCounts: photos === undefined ? plan.photoCounts : counts('--photos', photos, 1),
    // Chosen sizes are a sweep of their own: no phone-sized library unless asked for by the plan.
    phonePhotos: photos === undefined ? plan.phonePhotos : null,
    parts: only !== undefined ? [only as BenchPart] : with100k ? [...plan.parts, 'growth'] : plan.parts,
  };
}
