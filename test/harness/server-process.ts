// Starts a server program on a free loopback port and waits until the port answers. If the
// program dies first, the error carries what it printed, so a broken setup explains itself.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { track, untrack } from './child-registry';
import { freePort, LOOPBACK } from './free-port';

export interface ServerProcessOptions {
  /** For messages: "Radicale", "Xandikos". */
  name: string;
  command: string;
  args: (port: number) => string[];
  cwd?: string;
  /** How long to wait for the port to answer. */
  timeoutMs?: number;
}

export interface ServerProcess {
  port: number;
  pid: number;
  /** What the program printed so far (stdout and stderr, last 64 KiB). */
  output: () => string;
  stop: () => Promise<void>;
}

const OUTPUT_LIMIT = 64 * 1024;
// setpriv (util-linux) makes the kernel kill the server if Node dies without running its exit
// handlers (SIGKILL, a crashed test worker).
const SETPRIV = '/usr/bin/setpriv';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: LOOPBACK, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function stopChild(child: ChildProcess): Promise<void> {
  if (exited(child)) return Promise.resolve();
  return new Promise((resolve) => {
    // The child is unreferenced (see attempt): referenced again while its exit is awaited, or
    // Node would end a script whose only work left is this wait once the SIGKILL timer fired
    // (a server busy for minutes ignores SIGTERM), with the await never settled.
    child.ref();
    const force = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(force);
      untrack(child);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function attempt(options: ServerProcessOptions, port: number): Promise<ServerProcess> {
  const args = options.args(port);
  const useSetpriv = existsSync(SETPRIV);
  const child = spawn(useSetpriv ? SETPRIV : options.command, useSetpriv ? ['--pdeathsig', 'SIGKILL', '--', options.command, ...args] : args, {
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  // Unreferenced: a script that forgets stop() still ends, and its exit handler kills the server.
  child.unref();
  for (const stream of [child.stdout, child.stderr]) (stream as Socket | null)?.unref();
  let output = '';
  const collect = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  child.once('error', (error) => collect(Buffer.from(`\nspawn error: ${error.message}\n`)));

  const deadline = Date.now() + (options.timeoutMs ?? 20_000);
  while (!exited(child)) {
    if (await portAnswers(port)) {
      return { port, pid: child.pid ?? -1, output: () => output, stop: () => stopChild(child) };
    }
    if (Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`${options.name} did not answer on port ${port} in time. Its output:\n${output}`);
    }
    await sleep(50);
  }
  await sleep(20); // let the last output arrive
  const error = new Error(`${options.name} exited (code ${child.exitCode}, signal ${child.signalCode}) before it listened. Its output:\n${output}`);
  (error as Error & { portInUse?: boolean }).portInUse = /address already in use|EADDRINUSE|Errno 98/i.test(output);
  throw error;
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  for (let tries = 1; ; tries++) {
    try {
      return await attempt(options, await freePort());
    } catch (error) {
      const lostRace = (error as { portInUse?: boolean }).portInUse === true;
      if (!lostRace || tries >= 3) throw error;
    }
  }
}
