// What one benchmark run measures: the sizes of the sweep and how often each cheap figure is
// repeated (the median is reported). `small` keeps CI quick; it proves the benchmark works,
// its figures mean little.
export interface BenchPlan {
  name: string;
  /** Whether the figures mean something: only then do they go into docs/BENCHMARKS.md. */
  recorded: boolean;
  /** Contacts per size; events as many, tasks a tenth (generate-data.ts). */
  sizes: number[];
  /** Repeats of the floor's first mirror (cheap); Lifeboat's and vdirsyncer's run once per size. */
  floorFirstRuns: number;
  noChangeRuns: number;
  exportRuns: number;
  popupRuns: number;
  /** Upstream edits before the "sync of changes" figure. */
  changes: number;
  /** Photo libraries measured (photo-mirror.ts), and the size of each photo. */
  photoCounts: number[];
  photoBytes: number;
  /**
   * One more library of phone-sized photos (bigger than a download part, so stored in parts):
   * the sweep's small files measure the cost per file, this one the cost per byte.
   */
  phonePhotos: { count: number; bytes: number } | null;
  /** Which parts run: contacts and calendars (DAV), photos, or both. */
  only: 'dav' | 'photos' | null;
}

export const PLANS: Record<string, BenchPlan> = {
  small: { name: 'small', recorded: false, sizes: [200], floorFirstRuns: 1, noChangeRuns: 3, exportRuns: 2, popupRuns: 3, changes: 100, photoCounts: [100], photoBytes: 128 * 1024, phonePhotos: null, only: null },
  default: { name: 'default', recorded: true, sizes: [1000, 5000, 10000], floorFirstRuns: 3, noChangeRuns: 5, exportRuns: 3, popupRuns: 5, changes: 100, photoCounts: [1000, 10000], photoBytes: 128 * 1024, phonePhotos: { count: 200, bytes: 5 * 2 ** 20 }, only: null },
};

function counts(flag: string, text: string, least: number): number[] {
  const parsed = text.split(',').map(Number);
  if (parsed.some((n) => !Number.isInteger(n) || n < least)) throw new Error(`${flag} takes whole numbers (at least ${least}): ${text}`);
  return parsed;
}

/**
 * `--size small|default` picks a plan; `--sizes 1000,5000` overrides its contact sizes,
 * `--photos 1000,10000` its photo libraries; `--only dav|photos` runs one part.
 */
export function planFromArgs(args: string[]): BenchPlan {
  const value = (flag: string): string | undefined => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const name = value('--size') ?? 'default';
  const plan = PLANS[name];
  if (!plan) throw new Error(`Unknown --size ${name}; use ${Object.keys(PLANS).join(' or ')}.`);
  const only = value('--only') ?? null;
  if (only !== null && only !== 'dav' && only !== 'photos') throw new Error(`Unknown --only ${only}; use dav or photos.`);
  const sizes = value('--sizes');
  const photos = value('--photos');
  return {
    ...plan,
    name: [plan.name, sizes && `sizes ${sizes}`, photos && `photos ${photos}`, only && `only ${only}`].filter(Boolean).join(', '),
    sizes: sizes === undefined ? plan.sizes : counts('--sizes', sizes, 10),
    photoCounts: photos === undefined ? plan.photoCounts : counts('--photos', photos, 1),
    // Chosen sizes are a sweep of their own: no phone-sized library unless asked for by the plan.
    phonePhotos: photos === undefined ? plan.phonePhotos : null,
    only,
  };
}
