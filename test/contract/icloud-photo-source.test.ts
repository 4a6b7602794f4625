// The photo source contract against the reproduction of icloud.com's web services (iCloud
// Photos through CloudKit): files put into the library (a file in a sub-folder goes into an
// album of that name), removed by moving them to Recently Deleted, listed by zone sync tokens,
// downloaded from the download host on another origin with no cookie. Listings go to the
// CloudKit host, so a fault proxy stands in front of it; a cut download goes through a fault
// proxy in front of the download host.
import { createHttpContext, type HttpContextOptions } from '../../src/http/http-context';
import { createIcloudPhotoSource } from '../../src/providers/icloud-photos/cloudkit-photo-source';
import { decodeCursor, encodeCursor } from '../../src/providers/icloud-photos/photos-cursor';
import { sessionOnce } from '../../src/providers/icloud-web/session-once';
import { startFaultProxy, type FaultProxy } from '../harness/fault-proxy';
import { startIcloudWebServer } from '../harness/icloud/icloud-web-server';
import type { LibraryAlbum } from '../harness/icloud/photo-library';
import { icloudBrowserFetch } from '../support/icloud-browser-fetch';
import { describePhotoSourceContract } from './photo-source-contract';

describePhotoSourceContract('iCloud Photos (CloudKit reproduction)', {
  capabilities: {
    changeFeed: true,
    digests: { lacks: "CloudKit's fileChecksum uses an algorithm nobody has reproduced (icloud-photos-sync asset.ts): it versions a file, it cannot check one" },
  },
  async start() {
    const icloud = await startIcloudWebServer();
    icloud.signIn();
    const browser = icloudBrowserFetch(icloud);
    const proxies: FaultProxy[] = [];
    const albums = new Map<string, LibraryAlbum>();
    const assets = new Map<string, string>();

    /** A source of the account; `ckdatabasews` replaces the CloudKit address validate names. */
    const make = (params: { fetch?: typeof fetch; ckdatabasews?: string; options?: HttpContextOptions } = {}) => {
      const ctx = createHttpContext({ serverUrl: icloud.setupUrl, authorization: '', credentials: 'browser-session', fetch: params.fetch ?? browser.fetch, options: params.options ?? {} });
      const validated = sessionOnce(ctx, icloud.setupUrl);
      const session = async () => {
        const opened = await validated();
        return params.ckdatabasews ? { ...opened, services: { ...opened.services, ckdatabasews: params.ckdatabasews } } : opened;
      };
      return createIcloudPhotoSource({ ctx, session, editedVersions: false });
    };

    return {
      source: make(),
      put(path, bytes) {
        const [folder, name] = path.includes('/') ? path.split('/') : [null, path];
        const photo = icloud.photos.put({ filename: name, bytes, takenAt: Date.UTC(2024, 0, 1) });
        assets.set(path, photo.assetName);
        if (folder) {
          if (!albums.has(folder)) albums.set(folder, icloud.photos.putAlbum(folder));
          icloud.photos.addToAlbum(albums.get(folder)!.recordName, photo.assetName);
        }
        return Promise.resolve();
      },
      remove: (path) => Promise.resolve(void icloud.photos.delete(assets.get(path)!)),
      invalidate(cursor) {
        // Tokens the service does not know (an expired one is not reproduced; an unknown one is refused).
        const known = decodeCursor(cursor);
        if (!known) return Promise.resolve(cursor);
        const zones = Object.fromEntries(Object.keys(known.zones).map((zone) => [zone, Buffer.from(`${zone}\n999999999`).toString('base64')]));
        return Promise.resolve(encodeCursor({ zones }));
      },
      // The browser holds no icloud.com session for these requests: validate answers 421.
      refusedSource: () => make({ fetch: (input, init) => browser.fetch(input, { ...init, credentials: 'omit' }) }),
      sourceAt: (origin, options) => make({ ckdatabasews: origin, options }),
      async cutNextDownload() {
        const proxy = await startFaultProxy(icloud.content.origin);
        proxies.push(proxy);
        proxy.add({ method: 'GET', path: '/B/', fault: { kind: 'truncate', framing: 'cut' }, times: 1 });
        // The download addresses CloudKit hands out, reached through the proxy.
        const viaProxy: typeof fetch = (input, init) => {
          const url = input instanceof Request ? input.url : input.toString();
          return browser.fetch(url.startsWith(icloud.content.origin) ? `${proxy.url.replace(/\/$/, '')}${url.slice(icloud.content.origin.length)}` : url, init);
        };
        return Promise.resolve(make({ fetch: viaProxy, options: { retry: { maxAttempts: 1 } } }));
      },
      origin: new URL(icloud.services.ckdatabasews).origin,
      async stop() {
        for (const proxy of proxies) await proxy.stop();
        await icloud.stop();
      },
    };
  },
});
