// Radicale 3 (Debian package) on a free loopback port, with htpasswd basic auth and a temp
// storage folder that can be seeded before start (see radicale-seed.ts).
import { cp, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { TEST_PASSWORD, TEST_USER, type DavTestServer } from './dav-test-server';
import { LOOPBACK } from './free-port';
import { seedRadicale } from './radicale-seed';
import { DEFAULT_COLLECTIONS, type SeedCollection } from './seed-types';
import { startServerProcess } from './server-process';
import { makeTempDir } from './temp-dir';

export interface RadicaleOptions {
  /** Collections to write before start; default: an empty `contacts` and `calendar`. */
  seed?: SeedCollection[];
  username?: string;
  password?: string;
  /** Keep the temp folder after stop() (to inspect it). */
  keepDir?: boolean;
  /**
   * Start from a copy of another server's storage folder (its `storageDir`), as a server
   * restored from a backup would: same items as then, and a sync-token history that does not
   * know any token handed out after the copy. A `seed` given too is written on top of it;
   * without one, nothing is written (addressBookUrl and calendarUrl then assume the default
   * `contacts` and `calendar` names).
   */
  copyStorageFrom?: string;
  /**
   * Ask each seeded collection for its sync-token before returning (default true). Radicale
   * parses every item on first access to build its cache (~7 ms per vCard: 35 s for 5000), so
   * without this the first sync of a benchmark would time Radicale's cache, not the client.
   */
  warm?: boolean;
}

export interface RadicaleServer extends DavTestServer {
  /** Folder holding `collection-root/` (what seedRadicale writes into). */
  storageDir: string;
  /** URL of a collection in the user's home, by its folder name. */
  collectionUrl(name: string): string;
}

function config(dir: string): string {
  return [
    '[auth]',
    'type = htpasswd',
    `htpasswd_filename = ${join(dir, 'users')}`,
    'htpasswd_encryption = plain',
    // Radicale waits a second after a wrong password by default; the AuthError test need not.
    'delay = 0',
    '[rights]',
    'type = owner_only',
    '[storage]',
    `filesystem_folder = ${join(dir, 'storage')}`,
    '[web]',
    'type = none',
    '[logging]',
    'level = warning',
    '',
  ].join('\n');
}

/**
 * One PROPFIND by node:http, with no time limit: at 100,000 items Radicale builds its cache for
 * longer than fetch waits for headers (300 s), and a warm-up must wait for it however long.
 */
function propfindWithoutTimeout(url: string, authorization: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { method: 'PROPFIND', headers: { Authorization: authorization, Depth: '0', 'Content-Type': 'application/xml; charset=utf-8' } }, (response) => {
      response.resume();
      response.once('end', () => resolve(response.statusCode ?? 0));
      response.once('error', reject);
    });
    request.once('error', reject);
    request.end(body);
  });
}

async function warmUp(collectionUrls: string[], username: string, password: string): Promise<void> {
  const authorization = `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
  for (const url of collectionUrls) {
    const status = await propfindWithoutTimeout(url, authorization, '<propfind xmlns="DAV:"><prop><sync-token/></prop></propfind>');
    if (status !== 207) throw new Error(`Radicale warm-up of ${url} failed: ${status}`);
  }
}

export async function startRadicale(options: RadicaleOptions = {}): Promise<RadicaleServer> {
  const username = options.username ?? TEST_USER;
  const password = options.password ?? TEST_PASSWORD;
  const temp = await makeTempDir('lifeboat-radicale-', options.keepDir);
  const dir = temp.path;
  const storageDir = join(dir, 'storage');
  const seed = options.seed ?? DEFAULT_COLLECTIONS;
  try {
    await writeFile(join(dir, 'users'), `${username}:${password}\n`, 'utf8');
    await writeFile(join(dir, 'config'), config(dir), 'utf8');
    if (options.copyStorageFrom !== undefined) await cp(options.copyStorageFrom, storageDir, { recursive: true });
    await seedRadicale(storageDir, username, options.copyStorageFrom !== undefined ? (options.seed ?? []) : seed);
    const server = await startServerProcess({
      name: 'Radicale',
      // Debian's python3 by full path: another python3 on PATH may not have the radicale module.
      command: '/usr/bin/python3',
      args: (port) => ['-m', 'radicale', '--config', join(dir, 'config'), '--server-hosts', `${LOOPBACK}:${port}`],
      cwd: dir,
    });
    const url = `http://${LOOPBACK}:${server.port}/`;
    const home = `${url}${encodeURIComponent(username)}/`;
    const collectionUrl = (name: string): string => `${home}${encodeURIComponent(name)}/`;
    const firstOf = (kind: SeedCollection['kind']): string => {
      const found = seed.find((c) => c.kind === kind);
      return found ? collectionUrl(found.name) : home;
    };
    if (options.warm ?? true) {
      const seeded = seed.filter((c) => (c.items?.length ?? 0) > 0).map((c) => collectionUrl(c.name));
      await warmUp(seeded, username, password).catch(async (error: unknown) => {
        await server.stop();
        throw error;
      });
    }
    return {
      name: 'radicale',
      url,
      port: server.port,
      pid: server.pid,
      username,
      password,
      dir,
      storageDir,
      homeUrl: home,
      addressBookUrl: firstOf('addressbook'),
      calendarUrl: firstOf('calendar'),
      collectionUrl,
      output: server.output,
      async stop() {
        await server.stop();
        await temp.remove();
      },
    };
  } catch (error) {
    await temp.remove();
    throw error;
  }
}
