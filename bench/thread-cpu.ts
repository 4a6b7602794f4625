// CPU time by thread of a process group (Chromium and its helpers), from /proc (Linux, proc(5):
// /proc/<pid>/task/<tid>/stat, utime and stime in clock ticks; `comm` is the thread's name,
// such as "IndexedDB" or "ThreadPoolForeg"), keyed by the process's Chromium `--type` and the
// thread's name: which thread of which process a first mirror keeps busy.
import { readdirSync, readFileSync } from 'node:fs';

const MS_PER_TICK = 10;

function processType(pid: string): string {
  // Chromium rewrites its helpers' command lines (setproctitle), joining the arguments with spaces.
  const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
  const type = args.find((arg) => arg.startsWith('--type='))?.slice(7) ?? 'browser';
  const extension = args.includes('--extension-process') ? ' (extension)' : '';
  return type + extension;
}

/** CPU ms so far by "process type / thread name", for every live process of the group. */
export function threadCpuMs(group: number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) !== group) continue;
      const type = processType(pid);
      for (const tid of readdirSync(`/proc/${pid}/task`)) {
        const thread = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
        const name = thread.slice(thread.indexOf('(') + 1, thread.lastIndexOf(')'));
        const fields = thread.slice(thread.lastIndexOf(')') + 2).split(' ');
        const key = `${type} / ${name}`;
        totals.set(key, (totals.get(key) ?? 0) + (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK);
      }
    } catch {
      // The process or thread ended between the listing and the read.
    }
  }
  return totals;
}

/** What each thread spent between two readings, most first, those under `minMs` left out. */
export function threadCpuBetween(before: Map<string, number>, after: Map<string, number>, minMs = 20): Array<[string, number]> {
  return [...after.entries()].map(([key, ms]): [string, number] => [key, ms - (before.get(key) ?? 0)]).filter(([, ms]) => ms >= minMs).sort((a, b) => b[1] - a[1]);
}
