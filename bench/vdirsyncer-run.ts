// vdirsyncer (Debian's package) mirroring the same collections into local folders: the
// established command-line tool for exactly this job, run the way its documentation says
// (`discover` once, then `sync`). https://vdirsyncer.pimutils.org/en/stable/tutorial.html
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { timed } from './timing';

export const VDIRSYNCER = '/usr/bin/vdirsyncer';

export interface DavAccount {
  url: string;
  username: string;
  password: string;
}

export interface Vdirsyncer {
  /** `vdirsyncer discover` (creates the local folders); ms. */
  discover(): Promise<number>;
  /** One `vdirsyncer sync` of every pair; ms, process start included. */
  sync(): Promise<number>;
  /** Syncs that failed and were run again. */
  readonly retries: number;
  /** Items now in the local folders. */
  countFiles(): Promise<number>;
  remove(): Promise<void>;
}

function config(dir: string, account: DavAccount): string {
  const quote = (text: string): string => JSON.stringify(text);
  const pair = (name: string, type: 'carddav' | 'caldav', ext: string): string =>
    [
      `[pair ${name}]`,
      `a = "${name}_local"`,
      `b = "${name}_remote"`,
      'collections = ["from b"]',
      '',
      `[storage ${name}_local]`,
      'type = "filesystem"',
      `path = ${quote(join(dir, name))}`,
      `fileext = "${ext}"`,
      '',
      `[storage ${name}_remote]`,
      `type = "${type}"`,
      `url = ${quote(account.url)}`,
      `username = ${quote(account.username)}`,
      `password = ${quote(account.password)}`,
      '',
    ].join('\n');
  return [`[general]\nstatus_path = ${quote(join(dir, 'status'))}\n`, pair('contacts', 'carddav', '.vcf'), pair('calendars', 'caldav', '.ics')].join('\n');
}

function run(args: string[], input = ''): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(VDIRSYNCER, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
    child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-8000)));
    child.stdin.end(input);
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vdirsyncer ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}

async function countIn(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && /\.(vcf|ics)$/.test(e.name)).length;
}

export async function prepareVdirsyncer(account: DavAccount): Promise<Vdirsyncer> {
  const dir = await mkdtemp(join(tmpdir(), 'lifeboat-vdirsyncer-'));
  const configPath = join(dir, 'config');
  await writeFile(configPath, config(dir, account), 'utf8');
  const base = ['--config', configPath, '--verbosity', 'ERROR'];
  let retries = 0;
  return {
    // discover asks before creating each local folder; answer yes to all.
    discover: async () => (await timed(() => run([...base, 'discover'], 'y\n'.repeat(20)))).ms,
    // vdirsyncer 0.19 (aiohttp) sometimes gives up on Radicale's largest answers ("Response payload
    // is not completed") and exits 1 with part of the work done. Like a person, the benchmark
    // runs it again; the figure is the time of every attempt until one succeeds.
    async sync() {
      let total = 0;
      for (let attempt = 1; ; attempt++) {
        const start = performance.now();
        try {
          await run([...base, 'sync']);
          return total + performance.now() - start;
        } catch (error) {
          total += performance.now() - start;
          retries++;
          if (attempt >= 3) throw error;
          console.warn(`  vdirsyncer sync failed, running it again: ${(error as Error).message.split('\n')[1] ?? ''}`);
        }
      }
    },
    get retries() {
      return retries;
    },
    countFiles: () => countIn(dir),
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}
