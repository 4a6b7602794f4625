// CPU time of a server made of several processes: Cyrus IMAP's master forks a service process
// per connection kind (httpd for DAV) and reaps it when it ends. A single process's own CPU
// (process-cpu.ts) misses all of that work, so the tree's is summed: the root's own and reaped
// children's time (proc(5), /proc/<pid>/stat fields 14–17) plus every live descendant's own.
import { readdirSync, readFileSync } from 'node:fs';

const MS_PER_TICK = 10; // sysconf(_SC_CLK_TCK) is 100 on every Linux that Debian ships.

interface Stat {
  parent: number;
  /** utime + stime, ticks. */
  own: number;
  /** cutime + cstime: children this process has waited for, ticks. */
  reaped: number;
}

function readStat(pid: string): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { parent: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return undefined; // ended between the listing and the read
  }
}

/** CPU ms of `root` and all its descendants, live or already reaped by their parents. */
export function processTreeCpuMs(root: number): number {
  const stats = new Map<number, Stat>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const stat = readStat(pid);
    if (stat) stats.set(Number(pid), stat);
  }
  const rootStat = stats.get(root);
  if (!rootStat) return Number.NaN;
  let ticks = rootStat.own + rootStat.reaped;
  const inTree = new Set([root]);
  // Descendants: a process whose parent is in the tree; repeated until no process is added.
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, stat] of stats) {
      if (inTree.has(pid) || !inTree.has(stat.parent)) continue;
      inTree.add(pid);
      // An ended child's time moves into its parent's cutime when it is reaped, so each tick is
      // counted once: in a live process's own time or in a live ancestor's reaped time.
      ticks += stat.own + stat.reaped;
      grew = true;
    }
  }
  return ticks * MS_PER_TICK;
}
