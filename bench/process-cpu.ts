// CPU time spent by processes, from /proc (Linux): what a server or a client costs whatever
// else the machine runs. Wall-clock times on a loaded machine stretch with the load; CPU time
// barely does, so it says what each side of the side-by-side needs on an idle machine.
// proc(5): /proc/<pid>/stat fields 14–17 are utime, stime, cutime, cstime in clock ticks.
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second (sysconf(_SC_CLK_TCK)); 100 on every Linux that Debian ships. */
const TICKS_PER_SECOND = 100;
const MS_PER_TICK = 1000 / TICKS_PER_SECOND;

/** The fields after "(comm)": state is [0], so utime is [11], stime [12], cutime [13], cstime [14]. */
function statFields(pid: number | string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** CPU milliseconds (user + system) the process has used so far. */
export function processCpuMs(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

/** CPU milliseconds of the children this process has waited for (vdirsyncer, once it ended). */
export function reapedChildrenCpuMs(): number {
  const fields = statFields(process.pid);
  return (Number(fields[13]) + Number(fields[14])) * MS_PER_TICK;
}

/** The stat fields of every live process of a process group. */
function groupStats(group: number): string[][] {
  const found: string[][] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const fields = statFields(pid);
      if (Number(fields[2]) === group) found.push(fields);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return found;
}

/** CPU milliseconds of every live process of a process group (Chromium and its helpers). */
export function groupCpuMs(group: number): number {
  return groupStats(group).reduce((total, fields) => total + (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK, 0);
}

/**
 * Waits until no process of the group is left (or `timeoutMs` passed): a browser reaped while
 * the next client runs would add its CPU to that client's reaped children.
 */
export async function groupEnded(group: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (groupStats(group).length > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** This process's own CPU milliseconds so far (the floor's client runs in it). */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
