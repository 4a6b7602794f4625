// Cyrus IMAP (Debian cyrus-imapd + cyrus-caldav 3.6), the CardDAV/CalDAV server Fastmail runs,
// on free loopback ports (IMAP and HTTP) with a temp folder holding its config, databases and
// spool. master(8) runs in the foreground (-D) and starts imapd and httpd per connection. The
// user is created in a temp sasldb; its first IMAP login creates the mailbox, and the first DAV
// request to its homes creates the default address book and calendar (both named Default).
import { execFile } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { CYRUS_FOLDERS, CYRUS_SERVERNAME, cyrusConf, imapdConf } from './cyrus-config';
import { imapLogin } from './cyrus-login';
import { TEST_PASSWORD, TEST_USER, type DavTestServer } from './dav-test-server';
import { freePort, LOOPBACK } from './free-port';
import { startServerProcess } from './server-process';
import { makeTempDir } from './temp-dir';

const run = promisify(execFile);

export const CYRUS_MASTER = '/usr/lib/cyrus/bin/master';
const SASLPASSWD = '/usr/sbin/saslpasswd2';

export interface CyrusOptions {
  username?: string;
  password?: string;
  keepDir?: boolean;
}

export interface CyrusServer extends DavTestServer {
  imapPort: number;
}

/** Whether the Debian packages are installed (scripts/setup.sh installs them). */
export function cyrusInstalled(): boolean {
  return existsSync(CYRUS_MASTER) && existsSync(SASLPASSWD);
}

async function addUser(params: { dir: string; username: string; password: string }): Promise<void> {
  const child = execFile(SASLPASSWD, ['-p', '-c', '-u', CYRUS_SERVERNAME, '-f', join(params.dir, 'sasldb2'), params.username]);
  const done = new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`saslpasswd2 exited with ${code}`))));
  });
  child.stdin?.end(params.password);
  await done;
}

/**
 * Started as root, master drops to the cyrus user, which must own everything in the folder
 * (the sasldb included, which saslpasswd2 writes as root). Started as any other user, that user
 * runs Cyrus and owns the folder already.
 */
async function handOver(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  if (process.getuid?.() === 0) await run('/usr/bin/chown', ['-R', 'cyrus:mail', dir]);
}

/** The first DAV request to each home makes Cyrus create its Default collection. */
async function provisionHomes(params: { urls: string[]; username: string; password: string }): Promise<void> {
  const authorization = `Basic ${Buffer.from(`${params.username}:${params.password}`, 'utf8').toString('base64')}`;
  for (const url of params.urls) {
    const response = await fetch(url, {
      method: 'PROPFIND',
      headers: { Authorization: authorization, Depth: '1', 'Content-Type': 'application/xml; charset=utf-8' },
      body: '<?xml version="1.0" encoding="utf-8"?><propfind xmlns="DAV:"><prop><resourcetype/></prop></propfind>',
    });
    const body = await response.text();
    if (response.status !== 207 || !body.includes('/Default/')) {
      throw new Error(`Cyrus did not create the default collection under ${url}: ${response.status}\n${body.slice(0, 500)}`);
    }
  }
}

export async function startCyrus(options: CyrusOptions = {}): Promise<CyrusServer> {
  const username = options.username ?? TEST_USER;
  const password = options.password ?? TEST_PASSWORD;
  const temp = await makeTempDir('lifeboat-cyrus-', options.keepDir);
  const dir = temp.path;
  try {
    for (const folder of CYRUS_FOLDERS) await mkdir(join(dir, folder), { recursive: true });
    await writeFile(join(dir, 'imapd.conf'), imapdConf(dir), 'utf8');
    await addUser({ dir, username, password });
    const imapPort = await freePort();
    const cyrusConfPath = join(dir, 'cyrus.conf');
    await handOver(dir);
    const server = await startServerProcess({
      name: 'Cyrus IMAP',
      command: CYRUS_MASTER,
      // cyrus.conf names the HTTP port startServerProcess has just picked (args runs right
      // before the spawn, once per attempt), so it is written here, synchronously.
      args: (port) => {
        writeFileSync(cyrusConfPath, cyrusConf(dir, { imap: imapPort, http: port }), 'utf8');
        // -p: the default pid file in /run is one per machine; tests run several servers at once.
        return ['-C', join(dir, 'imapd.conf'), '-M', cyrusConfPath, '-p', join(dir, 'master.pid'), '-D'];
      },
      cwd: dir,
      timeoutMs: 30_000,
    });
    const url = `http://${LOOPBACK}:${server.port}/`;
    const user = encodeURIComponent(username);
    const stopAll = async (): Promise<void> => {
      await server.stop();
      await temp.remove();
    };
    try {
      await imapLogin({ port: imapPort, username, password });
      await provisionHomes({ urls: [`${url}dav/addressbooks/user/${user}/`, `${url}dav/calendars/user/${user}/`], username, password });
    } catch (error) {
      await stopAll();
      throw error;
    }
    return {
      name: 'cyrus',
      url,
      port: server.port,
      imapPort,
      pid: server.pid,
      username,
      password,
      dir,
      homeUrl: `${url}dav/principals/user/${user}/`,
      addressBookUrl: `${url}dav/addressbooks/user/${user}/Default/`,
      calendarUrl: `${url}dav/calendars/user/${user}/Default/`,
      output: server.output,
      stop: stopAll,
    };
  } catch (error) {
    await temp.remove();
    throw error;
  }
}
