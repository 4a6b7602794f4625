// Real DAV servers for tests, the demo and the benchmark. No vitest imports: plain Node scripts
// (run with tsx) use this too:
//
//   import { startRadicale, makeCards } from '../test/harness/index';
//   const server = await startRadicale({
//     seed: [{ name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: makeCards(5000) }],
//   });
//   // server.url, server.username, server.password, server.addressBookUrl …
//   await server.stop();
//
// Servers are killed (and their temp folders removed) at process exit even without stop().
export { startRadicale, type RadicaleOptions, type RadicaleServer } from './radicale';
export { startXandikos, type XandikosOptions } from './xandikos';
export { startCyrus, cyrusInstalled, type CyrusOptions, type CyrusServer } from './cyrus';
export { seedRadicale } from './radicale-seed';
export { putItem, putItems, deleteItem, getItem, type ItemAuth } from './dav-items';
export { makeCard, makeCards, foldLine } from './sample-items';
export { makeEvent, makeEvents, makeTask, type EventShape } from './sample-events';
export { SAMPLE_ZONES, vtimezoneLines, type SampleZone } from './sample-zones';
export { startHtmlServer, startRedirectProxy, type TestHttpServer } from './http-test-servers';
export { startFaultProxy, type FaultProxy, type ProxyLogEntry } from './fault-proxy';
export type { Fault, FaultMatch, FaultName, FaultRule } from './fault-rules';
export { DEFAULT_COLLECTIONS, type SeedCollection, type SeedItem, type SeedKind } from './seed-types';
export { TEST_PASSWORD, TEST_USER, type DavTestServer } from './dav-test-server';
export { freePort, LOOPBACK } from './free-port';
export { startWebdavFolder, type WebdavFolderServer, type WebdavFolderOptions } from './rclone-webdav';
export { makeJpeg, makeMp4, type JpegOptions } from './sample-photos';
export { startFeedServer, feedOf, feedEvent, type FeedServer } from './feed-server';
export { startOAuthServer, type OAuthTestServer, type OAuthServerOptions } from './oauth-server';
export { startGoogleDavProxy, type GoogleDavProxy } from './google-dav-proxy';
export { startGraphServer, type GraphTestServer } from './graph-server';
export { startIcloudWebServer, ICLOUD_ORIGIN, type IcloudWebServer } from './icloud/icloud-web-server';
export { seedSampleAccount, SAMPLE_CALENDAR } from './icloud/sample-account';
