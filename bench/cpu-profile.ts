// A V8 sampling profile (DevTools protocol, Profiler domain:
// https://chromedevtools.github.io/devtools-protocol/tot/Profiler/) summed by function: where a
// page's or worker's CPU went, the functions with the most self time first.

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Self milliseconds by function, most first; `(idle)` and `(program)` included, as V8 names them. */
export function selfTimes(profile: Profile): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, at) => {
    const frame = byId.get(id)!.callFrame;
    const name = `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber}`;
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[at] ?? 0) / 1000);
  });
  return [...self.entries()].sort((a, b) => b[1] - a[1]);
}

export function summary(profile: Profile, top = 15): string {
  const total = (profile.endTime - profile.startTime) / 1000;
  const rows = selfTimes(profile).slice(0, top);
  return [`  profile span ${total.toFixed(0)} ms`, ...rows.map(([name, ms]) => `  ${ms.toFixed(0).padStart(6)} ms  ${name}`)].join('\n');
}

/**
 * Total milliseconds by function (its own and its callees'), each sample counted once per
 * function even when the function is on its stack twice (recursion): what a phase such as
 * "parse the multistatus" costs whole.
 */
export function totalTimes(profile: Profile): Array<[string, number]> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const nameOf = (node: ProfileNode): string => `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}:${node.callFrame.lineNumber}`;
  const total = new Map<string, number>();
  profile.samples.forEach((id, at) => {
    const ms = (profile.timeDeltas[at] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) seen.add(nameOf(byId.get(node)!));
    for (const name of seen) total.set(name, (total.get(name) ?? 0) + ms);
  });
  return [...total.entries()].sort((a, b) => b[1] - a[1]);
}

/** The first `top` rows of a by-name list as lines: milliseconds and their share of `of`. */
export function msRows(list: Array<[string, number]>, top: number, of: number): string {
  return list
    .slice(0, top)
    .map(([name, ms]) => `  ${ms.toFixed(0).padStart(6)} ms ${((100 * ms) / of).toFixed(1).padStart(5)} %  ${name}`)
    .join('\n');
}

/** Starts V8's sampling profiler (every 0.5 ms) in a target the DevTools protocol reaches through `send`. */
export async function startProfiler(send: <T>(method: string, params?: object) => Promise<T>): Promise<void> {
  await send('Profiler.enable');
  await send('Profiler.setSamplingInterval', { interval: 500 });
  await send('Profiler.start');
}
