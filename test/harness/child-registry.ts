// Every server the harness starts is killed when the Node process ends, however it ends:
// normal exit, an uncaught error, Ctrl-C, or a test runner's SIGTERM (and by the kernel on
// SIGKILL, see server-process.ts). A Python server left behind would hold its port for good.
// Temp folders of servers never stopped are removed at exit too.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

const live = new Set<ChildProcess>();
const dirs = new Set<string>();
let installed = false;

function killAll(): void {
  for (const child of live) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
  live.clear();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  killAll();
  // If nobody else handles the signal, restore its default effect (end the process).
  if (process.listenerCount(signal) === 1) {
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  }
}

function install(): void {
  if (installed) return;
  installed = true;
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
}

export function track(child: ChildProcess): void {
  install();
  live.add(child);
  child.once('exit', () => live.delete(child));
}

export function untrack(child: ChildProcess): void {
  live.delete(child);
}

/** A temp folder to remove at exit unless untrackDir() is called first (stop() removed it). */
export function trackDir(dir: string): void {
  install();
  dirs.add(dir);
}

export function untrackDir(dir: string): void {
  dirs.delete(dir);
}
