// The photo source contract against a real WebDAV folder: rclone serve webdav, its ETags the
// files' SHA-256 (harness/rclone-webdav.ts), files written and deleted on its disk.
import { createPhotoFolderSource } from '../../src/providers/webdav-photos/photo-folder-source';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy';
import { startWebdavFolder } from '../harness/rclone-webdav';
import { describePhotoSourceContract } from './photo-source-contract';

describePhotoSourceContract('WebDAV folder (rclone)', {
  capabilities: {
    changeFeed: { lacks: 'a WebDAV folder has no change feed: each run walks the tree and compares it with the mirror' },
    digests: true,
  },
  async start() {
    const server = await startWebdavFolder();
    const make = (serverUrl: string, password: string, options = {}) => createPhotoFolderSource({ serverUrl, username: server.username, password }, options);
    const proxies: FaultProxy[] = [];
    return {
      source: make(server.url, server.password),
      put: (path, bytes) => server.put(path, bytes),
      remove: (path) => server.remove(path),
      invalidate: (cursor) => Promise.resolve(cursor),
      refusedSource: () => make(server.url, `${server.password}-wrong`),
      sourceAt: (origin, options) => make(`${origin}/`, server.password, options),
      origin: new URL(server.url).origin,
      async cutNextDownload(name) {
        const proxy = await startFaultProxy(server.url);
        proxies.push(proxy);
        proxy.add({ method: 'GET', path: name, fault: { kind: 'truncate', framing: 'cut' }, times: 1 });
        return make(proxy.url, server.password, { retry: { maxAttempts: 1 } });
      },
      async stop() {
        for (const proxy of proxies) await proxy.stop();
        await server.stop();
      },
    };
  },
});
