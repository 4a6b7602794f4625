// A test server that ignores SIGTERM (Radicale busy building its cache for a 100,000-item
// collection does) must still be stopped, and the script awaiting its stop must go on. The
// server's process is unreferenced so that a forgotten stop() never holds a script open; when
// stop() was the only work left, Node used to end the script once the SIGKILL timer had fired,
// before the exit it awaited arrived (exit code 13: a top-level await never settled).
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeTempDir, type TempDir } from '../harness/temp-dir';

const SERVER_PROCESS = resolve(__dirname, '../harness/server-process.ts');

// The server: listens, and shrugs off SIGTERM.
const STUBBORN_SERVER = "process.on('SIGTERM', () => {}); require('node:net').createServer().listen(Number(process.argv[1]), '127.0.0.1');";

const SCRIPT = `
import { startServerProcess } from ${JSON.stringify(SERVER_PROCESS)};
const server = await startServerProcess({ name: 'stubborn', command: process.execPath, args: (port) => ['-e', ${JSON.stringify(STUBBORN_SERVER)}, String(port)] });
await server.stop();
console.log('stopped');
`;

let temp: TempDir | undefined;
afterEach(async () => {
  await temp?.remove();
  temp = undefined;
});

describe('a test server that ignores SIGTERM', () => {
  it('is killed, and the script that awaited its stop goes on to its end', async () => {
    temp = await makeTempDir('lifeboat-stop-');
    const script = join(temp.path, 'stop.mts');
    writeFileSync(script, SCRIPT);
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: resolve(__dirname, '../..'), encoding: 'utf8', timeout: 60_000 });
    expect({ status: run.status, stdout: run.stdout.trim() }).toEqual({ status: 0, stdout: 'stopped' });
  }, 70_000);
});
