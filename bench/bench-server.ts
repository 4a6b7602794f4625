// The servers the benchmark runs against, seeded with one size's data set: Radicale (seeded
// straight into its storage folder, then warmed) and Cyrus IMAP, the server Fastmail runs
// (seeded by PUT, as any client would; a task list made with MKCALENDAR next to its Default
// address book and calendar). Both answer sync-collection, so the floor uses it on both.
import { putItem, putItems, startCyrus, startRadicale, type CyrusServer, type SeedCollection } from '../test/harness';
import { processTreeCpuMs } from './process-tree-cpu';
import type { DavAccount } from './vdirsyncer-run';

export type ServerName = 'radicale' | 'cyrus';
export const SERVER_NAMES: ServerName[] = ['radicale', 'cyrus'];

export interface BenchServer {
  name: ServerName;
  account: DavAccount;
  /** Whether clients should ask for vCard 4.0 (Cyrus cuts data: URI photos in 3.0). */
  vcard4: boolean;
  /** A seeded collection's URL, by its name in generate-data.ts. */
  collectionUrl(name: string): string;
  /** The server's process, where it is one (Radicale): the side-by-side reads its CPU time. */
  pid?: number;
  /** CPU ms the server has used so far, all its processes (Cyrus forks one per service). */
  cpuMs(): number;
  /** PUTs a new revision of an item, as another client would. */
  put(collection: string, name: string, data: string): Promise<void>;
  stop(): Promise<void>;
}

const MKCALENDAR_TASKS = (displayName: string): string =>
  '<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop>' +
  `<D:displayname>${displayName}</D:displayname><C:supported-calendar-component-set><C:comp name="VTODO"/></C:supported-calendar-component-set>` +
  '</D:prop></D:set></C:mkcalendar>';

/** RFC 4791 §5.3.1: a task list next to the Default calendar. */
async function makeTaskList(server: CyrusServer, url: string, displayName: string): Promise<void> {
  const authorization = `Basic ${Buffer.from(`${server.username}:${server.password}`, 'utf8').toString('base64')}`;
  const response = await fetch(url, { method: 'MKCALENDAR', headers: { Authorization: authorization, 'Content-Type': 'application/xml; charset=utf-8' }, body: MKCALENDAR_TASKS(displayName) });
  await response.text();
  if (response.status !== 201) throw new Error(`MKCALENDAR ${url}: ${response.status}`);
}

async function cyrusServer(seed: SeedCollection[]): Promise<BenchServer> {
  const server = await startCyrus();
  const auth = { username: server.username, password: server.password };
  const urls = new Map<string, string>();
  try {
    for (const collection of seed) {
      let url: string;
      if (collection.kind === 'addressbook') url = server.addressBookUrl;
      else if (collection.components?.includes('VTODO')) {
        url = new URL(`../${collection.name}/`, server.calendarUrl).href;
        await makeTaskList(server, url, collection.displayName ?? collection.name);
      } else url = server.calendarUrl;
      urls.set(collection.name, url);
      await putItems(url, collection.items ?? [], auth);
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
  const collectionUrl = (name: string): string => urls.get(name) ?? server.addressBookUrl;
  return {
    name: 'cyrus',
    account: { url: server.url, ...auth },
    vcard4: true,
    collectionUrl,
    cpuMs: () => processTreeCpuMs(server.pid),
    put: async (collection, name, data) => void (await putItem(new URL(name, collectionUrl(collection)).href, data, auth)),
    stop: () => server.stop(),
  };
}

export async function startBenchServer(name: ServerName, seed: SeedCollection[]): Promise<BenchServer> {
  if (name === 'cyrus') return cyrusServer(seed);
  const server = await startRadicale({ seed });
  const auth = { username: server.username, password: server.password };
  return {
    name,
    account: { url: server.url, ...auth },
    vcard4: false,
    pid: server.pid,
    cpuMs: () => processTreeCpuMs(server.pid),
    collectionUrl: (collection) => server.collectionUrl(collection),
    put: async (collection, item, data) => void (await putItem(new URL(item, server.collectionUrl(collection)).href, data, auth)),
    stop: () => server.stop(),
  };
}
