// The photo source contract against the Graph drive test server (OneDrive): the camera roll
// listed by delta, files fetched from the storage host on another origin.
import type { BearerAuth } from '../../src/http/http-context';
import { findDriveFolder } from '../../src/providers/onedrive-photos/find-drive-folder';
import { createOneDrivePhotoSource } from '../../src/providers/onedrive-photos/onedrive-photo-source';
import { startGraphDriveServer } from '../harness/graph-drive-server';
import { graphFixtureParts } from './graph-fixture-parts';
import { describePhotoSourceContract } from './photo-source-contract';

const TOKEN = 'contract-drive-token';
const ROLL = 'Pictures/Camera Roll';
const bearerOf = (token: string): BearerAuth => ({ accessToken: token, renew: () => Promise.resolve(token) });

for (const driveType of ['personal', 'business'] as const) {
  describePhotoSourceContract(`OneDrive ${driveType} (Graph drive test server)`, {
    capabilities: { changeFeed: true, digests: true },
    async start() {
      // Pages of 50: next links name the server's own origin, past a fault proxy.
      const graph = await startGraphDriveServer((token) => token === TOKEN, { driveType, pageSize: 50 });
      const folder = await findDriveFolder({ graphUrl: graph.graphUrl, bearer: bearerOf(TOKEN) }, { special: 'cameraroll' });
      const make = (graphUrl: string, token: string, options = {}) => createOneDrivePhotoSource({ graphUrl, bearer: bearerOf(token), folder }, options);
      return {
        source: make(graph.graphUrl, TOKEN),
        put: (path, bytes) => Promise.resolve(void graph.putFile(`${ROLL}/${path}`, bytes)),
        remove: (path) => Promise.resolve(graph.remove(`${ROLL}/${path}`)),
        cutNextDownload(name) {
          graph.storage.fault(name, { kind: 'cut', after: 1000 });
          return Promise.resolve(make(graph.graphUrl, TOKEN, { retry: { maxAttempts: 1 } }));
        },
        ...graphFixtureParts(graph, make, TOKEN),
      };
    },
  });
}
