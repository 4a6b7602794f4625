// A real WebDAV server for photo folders: `rclone serve webdav` (Debian package rclone) on a
// free loopback port, serving a temporary folder with Basic credentials. It answers PROPFIND
// Depth 1, serves Range requests (206, Content-Range) and, with --etag-hash SHA256, makes each
// file's ETag its SHA-256 (https://rclone.org/commands/rclone_serve_webdav/).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { LOOPBACK } from './free-port';
import { startServerProcess } from './server-process';
import { inTempDir, stopAndClean } from './temp-server';
import { TEST_PASSWORD, TEST_USER } from './dav-test-server';

export interface WebdavFolderServer {
  /** The folder's URL, ending in `/`. */
  url: string;
  username: string;
  password: string;
  dir: string;
  /** Writes a file under the served folder (creating its folders). */
  put(path: string, bytes: Uint8Array): Promise<void>;
  remove(path: string): Promise<void>;
  stop(): Promise<void>;
}

export interface WebdavFolderOptions {
  /** Files to serve from the start: path → bytes. */
  files?: Record<string, Uint8Array>;
  /** ETags as SHA-256 of the content (default) or rclone's own (modification time and size). */
  etagHash?: boolean;
}

export function startWebdavFolder(options: WebdavFolderOptions = {}): Promise<WebdavFolderServer> {
  return inTempDir('lifeboat-webdav-', async (dir) => {
    const put = async (path: string, bytes: Uint8Array) => {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), bytes);
    };
    for (const [path, bytes] of Object.entries(options.files ?? {})) await put(path, bytes);
    const server = await startServerProcess({
      name: 'rclone serve webdav',
      command: 'rclone',
      args: (port) => [
        'serve', 'webdav', dir,
        '--addr', `${LOOPBACK}:${port}`,
        '--user', TEST_USER, '--pass', TEST_PASSWORD,
        // No directory cache: a file written by a test is listed at once.
        '--dir-cache-time', '0s', '--poll-interval', '0',
        ...(options.etagHash === false ? [] : ['--etag-hash', 'SHA256']),
        '--config', '/dev/null',
      ],
      cwd: dir,
    });
    return {
      url: `http://${LOOPBACK}:${server.port}/`,
      username: TEST_USER,
      password: TEST_PASSWORD,
      dir,
      put,
      remove: (path: string) => rm(join(dir, path), { force: true }),
      stop: stopAndClean(server, dir),
    };
  });
}
