// What one benchmark run measures: the sizes of the sweep and how often each cheap figure is
// repeated (the median is reported). `small` keeps CI quick; it proves the benchmark works,
// its figures mean little.
export interface BenchPlan {
  name: string;
  /** Contacts per size; events as many, tasks a tenth (generate-data.ts). */
  sizes: number[];
  /** Repeats of the floor's first mirror (cheap); Lifeboat's and vdirsyncer's run once per size. */
  floorFirstRuns: number;
  noChangeRuns: number;
  exportRuns: number;
  popupRuns: number;
  /** Upstream edits before the "sync of changes" figure. */
  changes: number;
}

export const PLANS: Record<string, BenchPlan> = {
  small: { name: 'small', sizes: [200], floorFirstRuns: 1, noChangeRuns: 3, exportRuns: 2, popupRuns: 3, changes: 100 },
  default: { name: 'default', sizes: [1000, 5000, 10000], floorFirstRuns: 3, noChangeRuns: 5, exportRuns: 3, popupRuns: 5, changes: 100 },
};

/** `--size small|default` picks a plan; `--sizes 1000,5000` overrides its sizes. */
export function planFromArgs(args: string[]): BenchPlan {
  const value = (flag: string): string | undefined => {
    const index = args.indexOf(flag);
    return index >= 0 ? args[index + 1] : args.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const name = value('--size') ?? 'default';
  const plan = PLANS[name];
  if (!plan) throw new Error(`Unknown --size ${name}; use ${Object.keys(PLANS).join(' or ')}.`);
  const sizes = value('--sizes');
  if (sizes === undefined) return plan;
  const parsed = sizes.split(',').map(Number);
  if (parsed.some((n) => !Number.isInteger(n) || n < 10)) throw new Error(`--sizes takes whole numbers of contacts (at least 10): ${sizes}`);
  return { ...plan, name: `${plan.name} (sizes ${sizes})`, sizes: parsed };
}
