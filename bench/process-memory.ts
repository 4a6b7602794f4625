// The memory of a whole browser: the sum of PSS (resident memory with shared pages split among
// the processes sharing them, so nothing is counted twice) over Chromium's process group (the
// browser, its renderers, the extension's worker, the storage and network services), sampled
// while something runs, keeping the peak. Linux only: it reads /proc/<pid>/smaps_rollup.
import { readdirSync, readFileSync } from 'node:fs';

export function groupPssBytes(group: number): number {
  let total = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces, so split after ")".
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) !== group) continue;
      const pssKb = /^Pss:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
      total += Number(pssKb ?? 0) * 1024;
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return total;
}

export interface MemorySampler {
  stop(): { peakBytes: number; samples: number };
}

export function sampleGroupMemory(group: number, intervalMs = 250): MemorySampler {
  let peakBytes = 0;
  let samples = 0;
  const sample = () => {
    peakBytes = Math.max(peakBytes, groupPssBytes(group));
    samples++;
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakBytes, samples };
    },
  };
}
