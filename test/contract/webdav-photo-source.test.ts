// The photo source contract against a real WebDAV folder: rclone serve webdav, its ETags the
// files' SHA-256 (harness/rclone-webdav.ts), files written and deleted on its disk.
import { createPhotoFolderSource } from '../../src/providers/webdav-photos/photo-folder-source';
import { startWebdavFolder } from '../harness/rclone-webdav';
import { describePhotoSourceContract } from './photo-source-contract';

describePhotoSourceContract('WebDAV folder (rclone)', {
  capabilities: {
    changeFeed: { lacks: 'a WebDAV folder has no change feed: each run walks the tree and compares it with the mirror' },
  },
  async start() {
    const server = await startWebdavFolder();
    const make = (serverUrl: string, password: string, options = {}) => createPhotoFolderSource({ serverUrl, username: server.username, password }, options);
    return {
      source: make(server.url, server.password),
      put: (path, bytes) => server.put(path, bytes),
      remove: (path) => server.remove(path),
      invalidate: (cursor) => Promise.resolve(cursor),
      refusedSource: () => make(server.url, `${server.password}-wrong`),
      sourceAt: (origin, options) => make(`${origin}/`, server.password, options),
      origin: new URL(server.url).origin,
      stop: () => server.stop(),
    };
  },
});
