// A reproduction of icloud.com's web services on loopback, for tests without an Apple account:
// setup (validate), contacts, calendar and CloudKit for iCloud Photos each on its own port (its
// own origin, as setup.icloud.com and pNN-contactsws.icloud.com … are), download addresses on a
// fifth. What each reproduces, and where that behaviour is described, is in README.md.
//
//   const icloud = await startIcloudWebServer();
//   const cookies = icloud.signIn();            // what a browser signed in at icloud.com holds
//   await fetch(icloud.validateUrl, { method: 'POST', body: 'null',
//     headers: { Origin: ICLOUD_ORIGIN, Cookie: icloud.cookieHeader() } });
import { createServer, type Server } from 'node:http';
import { LOOPBACK, listenOnLoopback } from '../free-port';
import { startContentHost, type ContentHost } from './content-host';
import { createCalendarRoutes, type CalendarApi } from './calendar-routes';
import { createCloudKitRoutes } from './cloudkit-routes';
import { createContactsRoutes, type ContactsApi } from './contacts-routes';
import { readExchange, type HostRole, type IcloudRoute } from './icloud-exchange';
import { PhotoLibrary, type LibraryAlbum, type LibraryPhoto, type PhotoSeed } from './photo-library';
import { ICLOUD_ORIGIN, SessionGate, type AdpMode, type BrowserCookie } from './session-gate';
import { createSetupRoutes, type AccountOwner } from './validate-route';

export { ICLOUD_ORIGIN };

export interface IcloudPhotosApi {
  library: PhotoLibrary;
  put(seed: PhotoSeed, zone?: string): LibraryPhoto;
  /** Changes what the library shows of a photo: an edit, a favourite, hidden. */
  update(assetName: string, change: Partial<PhotoSeed>): LibraryPhoto;
  /** Moved to Recently Deleted (the asset's isDeleted becomes 1). */
  delete(assetName: string): LibraryPhoto;
  /** Gone for good: tombstones in the zone's changes. */
  expunge(assetName: string): LibraryPhoto;
  /** An album, or a folder of albums with `folder`, inside `parentId` when given. */
  putAlbum(name: string, options?: { folder?: boolean; parentId?: string }): LibraryAlbum;
  addToAlbum(albumName: string, assetName: string): void;
  /** Turns on an iCloud Shared Photo Library; returns its zone's name. */
  addSharedLibrary(): string;
  /** iCloud Photos not set up for this account: its zone is missing. */
  deactivate(): void;
  setIndexing(state: 'FINISHED' | 'RUNNING'): void;
}

export interface IcloudWebServer {
  dsid: string;
  /** https://setup.icloud.com stands here. */
  setupUrl: string;
  validateUrl: string;
  services: Record<'contacts' | 'calendar' | 'ckdatabasews', string>;
  content: ContentHost;
  signIn(): BrowserCookie[];
  /** The Cookie header a signed-in browser sends ('' when signed out). */
  cookieHeader(): string;
  signOut(): void;
  /** The session ends after this many more requests to the web services. */
  expireSessionAfter(requests: number): void;
  /** The next `requests` requests to the web services answer `status` (421, 450, 500, 503 …). */
  failNext(status: number, requests: number, retryAfterSeconds?: number): void;
  setAdvancedDataProtection(mode: AdpMode): void;
  contacts: ContactsApi;
  calendar: CalendarApi;
  photos: IcloudPhotosApi;
  /** Requests answered, as "<status> <host role> <path>". */
  log: string[];
  stop(): Promise<void>;
}

export const DEFAULT_OWNER: AccountOwner = { dsid: '8123456789', firstName: 'Robin', lastName: 'Sample', appleId: 'robin.sample@icloud.example' };

export async function startIcloudWebServer(owner: AccountOwner = DEFAULT_OWNER): Promise<IcloudWebServer> {
  const gate = new SessionGate(owner.dsid);
  const library = new PhotoLibrary();
  const content = await startContentHost();
  const contacts = createContactsRoutes(owner.dsid);
  const calendar = createCalendarRoutes(owner.dsid);
  let indexing: 'FINISHED' | 'RUNNING' = 'FINISHED';
  const log: string[] = [];
  const urls = { setup: '', contacts: '', calendar: '', ckdatabasews: '' };
  const routes: Record<Exclude<HostRole, 'content'>, IcloudRoute> = {
    setup: createSetupRoutes(gate, owner, () => urls),
    contacts: contacts.route,
    calendar: calendar.route,
    ckdatabasews: createCloudKitRoutes({ library, gate, addressFor: (bytes, zone) => content.addressFor(bytes, zone), indexing: () => indexing }),
  };

  const servers: Server[] = [];
  for (const role of Object.keys(routes) as Array<keyof typeof routes>) {
    const server = createServer((req, res) => {
      void readExchange(role, req, res, log).then((exchange) => {
        if (gate.stops(exchange)) return;
        if (!routes[role](exchange)) exchange.json(404, { success: false, reason: 'Not found' });
      });
    });
    servers.push(server);
    urls[role] = `http://${LOOPBACK}:${await listenOnLoopback(server)}`;
  }

  return {
    dsid: owner.dsid,
    setupUrl: urls.setup,
    validateUrl: `${urls.setup}/setup/ws/1/validate`,
    services: { contacts: urls.contacts, calendar: urls.calendar, ckdatabasews: urls.ckdatabasews },
    content,
    signIn: () => gate.signIn(),
    cookieHeader: () => gate.cookies().map((c) => `${c.name}=${c.value}`).join('; '),
    signOut: () => gate.signOut(),
    expireSessionAfter: (requests) => gate.expireAfter(requests),
    failNext: (status, requests, retryAfter) => gate.failNext(status, requests, retryAfter ?? null),
    setAdvancedDataProtection: (mode) => void (gate.adp = mode),
    contacts: contacts.api,
    calendar: calendar.api,
    photos: {
      library,
      put: (seed, zone) => library.put(seed, zone),
      update: (assetName, change) => library.update(assetName, change),
      delete: (assetName) => library.update(assetName, { state: 'recently-deleted' }),
      expunge: (assetName) => library.update(assetName, { state: 'expunged' }),
      putAlbum: (name, options) => library.putAlbum(name, options),
      addToAlbum: (albumName, assetName) => library.addToAlbum(albumName, assetName),
      addSharedLibrary: () => library.addSharedLibrary(),
      deactivate: () => library.deactivate(),
      setIndexing: (state) => void (indexing = state),
    },
    log,
    stop: async () => {
      await content.stop();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => (s.closeAllConnections(), s.close(() => resolve())))));
    },
  };
}
