// The protocol floor: the requests Lifeboat's engine makes, in the same order, batch size and
// concurrency, made by a plain Node HTTP client that only reads the answers and picks out the
// hrefs it needs for the next request. It stores nothing, parses no vCard or iCalendar, checks
// nothing. Per kind (contacts, calendars), as src/providers/dav/ does:
//   first mirror: PROPFIND the server URL for the principal, PROPFIND the principal for the home
//     set, PROPFIND Depth 1 the home (both kinds at once, as combined-source.ts does), then per
//     collection a PROPFIND Depth 1 listing of ETags and multigets of 100, one after another;
//   no-change sync: PROPFIND Depth 1 of each home, compare tokens, stop;
//   sync after changes: the same, then sync-collection from the old token and multigets.
import { DEFAULT_MULTIGET_BATCH } from '../src/providers/dav/multiget';
import { davKind, XMLNS, type DavKind } from '../src/providers/dav/dav-kind';
import type { CollectionKind } from '../src/model/source';
import { elementText, hrefInside, openWire, propfindBody, scanResponses, send, type Wire } from './floor-wire';
import type { DavAccount } from './vdirsyncer-run';

interface FloorCollection {
  href: string;
  kind: DavKind;
  syncToken: string | undefined;
}

export interface FloorRun {
  ms: number;
  requests: number;
  bytes: number;
  items: number;
}

const KINDS: CollectionKind[] = ['addressbook', 'calendar'];
const COLLECTION_PROPS = ['D:resourcetype', 'D:displayname', 'D:sync-token', 'CS:getctag', 'D:supported-report-set'];

function multigetBody(kind: DavKind, hrefs: string[]): string {
  const tag = `${kind.prefix}:${kind.multiget}`;
  const list = hrefs.map((h) => `<D:href>${new URL(h).pathname}</D:href>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><${tag} ${XMLNS}><D:prop><D:getetag/><${kind.prefix}:${kind.dataProperty}/></D:prop>${list}</${tag}>`;
}

function syncCollectionBody(token: string): string {
  return (
    `<?xml version="1.0" encoding="utf-8"?><D:sync-collection ${XMLNS}><D:sync-token>${token}</D:sync-token>` +
    '<D:sync-level>1</D:sync-level><D:prop><D:getetag/><D:getcontenttype/></D:prop></D:sync-collection>'
  );
}

export class FloorClient {
  private homes = new Map<CollectionKind, string>();
  private known = new Map<string, FloorCollection>();

  constructor(private readonly account: DavAccount) {}

  private async discover(wire: Wire, kind: DavKind): Promise<string> {
    const properties = ['D:resourcetype', 'D:current-user-principal', `${kind.prefix}:${kind.homeSet}`];
    const root = await send(wire, 'PROPFIND', this.account.url, '0', propfindBody(properties));
    const principal = hrefInside(root, 'current-user-principal', this.account.url) ?? this.account.url;
    const answer = await send(wire, 'PROPFIND', principal, '0', propfindBody([`${kind.prefix}:${kind.homeSet}`]));
    return hrefInside(answer, kind.homeSet, principal) ?? principal;
  }

  private async listHome(wire: Wire, kind: DavKind, home: string): Promise<FloorCollection[]> {
    const body = await send(wire, 'PROPFIND', home, '1', propfindBody(COLLECTION_PROPS));
    const marker = new RegExp(`<(?:[\\w-]+:)?${kind.resourceType}\\s*/>`);
    return scanResponses(body, home)
      .filter((r) => marker.test(elementText(r.text, 'resourcetype') ?? r.text.split('resourcetype')[1] ?? ''))
      .map((r) => ({ href: r.href, kind, syncToken: elementText(r.text, 'sync-token') }));
  }

  /** Each kind's collections, both kinds at once; discovery only on the first run. */
  private async listCollections(wire: Wire): Promise<FloorCollection[]> {
    const lists = await Promise.all(
      KINDS.map(async (name) => {
        const kind = davKind(name);
        let home = this.homes.get(name);
        if (home === undefined) {
          home = await this.discover(wire, kind);
          this.homes.set(name, home);
        }
        return this.listHome(wire, kind, home);
      }),
    );
    return lists.flat();
  }

  private async multiget(wire: Wire, collection: FloorCollection, hrefs: string[]): Promise<number> {
    let items = 0;
    for (let start = 0; start < hrefs.length; start += DEFAULT_MULTIGET_BATCH) {
      const body = await send(wire, 'REPORT', collection.href, collection.kind.kind === 'addressbook' ? '0' : undefined, multigetBody(collection.kind, hrefs.slice(start, start + DEFAULT_MULTIGET_BATCH)));
      items += scanResponses(body, collection.href).length;
    }
    return items;
  }

  private async listItems(wire: Wire, collection: FloorCollection): Promise<string[]> {
    const body = await send(wire, 'PROPFIND', collection.href, '1', propfindBody(['D:resourcetype', 'D:getetag', 'D:getcontenttype', 'D:sync-token', 'CS:getctag']));
    return scanResponses(body, collection.href)
      .filter((r) => r.href !== collection.href && !r.href.endsWith('/'))
      .map((r) => r.href);
  }

  private async changedSince(wire: Wire, collection: FloorCollection, token: string): Promise<string[]> {
    const body = await send(wire, 'REPORT', collection.href, '0', syncCollectionBody(token));
    return scanResponses(body, collection.href)
      .filter((r) => r.href !== collection.href && !/\b404\b/.test(elementText(r.text, 'status') ?? ''))
      .map((r) => r.href);
  }

  /**
   * One sync: a full mirror the first time, then only what changed. Returns its time, requests,
   * bytes read and items fetched.
   */
  async sync(): Promise<FloorRun> {
    const wire = openWire(this.account.username, this.account.password);
    const start = performance.now();
    let items = 0;
    for (const collection of await this.listCollections(wire)) {
      const before = this.known.get(collection.href);
      if (before?.syncToken !== undefined && before.syncToken === collection.syncToken) continue;
      const hrefs = before?.syncToken !== undefined ? await this.changedSince(wire, collection, before.syncToken) : await this.listItems(wire, collection);
      items += await this.multiget(wire, collection, hrefs);
      this.known.set(collection.href, collection);
    }
    return { ms: performance.now() - start, requests: wire.requests, bytes: wire.bytes, items };
  }

  /** Forget every token: the next sync is a first mirror again (discovery included). */
  reset(): void {
    this.homes.clear();
    this.known.clear();
  }
}
