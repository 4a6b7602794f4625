// The protocol floor: the cheapest request pattern the protocol allows for each figure, made by
// a plain Node HTTP client that reads each answer and picks out only hrefs, ETags, tokens and
// the item texts' presence (floor-wire.ts). It parses no vCard or iCalendar, checks nothing,
// stores nothing. It is deliberately not a replay of Lifeboat's requests: a slow pattern would
// make a slow floor (issue "Performance").
//   first mirror: discovery (principal, home set) and a PROPFIND Depth 1 of each home, then per
//     collection an RFC 6578 sync-collection with an empty token (every member with its ETag;
//     a PROPFIND Depth 1 listing where the collection offers no sync-collection), then a
//     multiget of every href in the pattern's batching; collections and batches in flight at
//     once up to the pattern's limit;
//   no-change sync: one sync-collection per collection with the saved token (a Depth 0 ctag
//     PROPFIND where there is no token), all at once; a client that saved its state needs no
//     discovery to learn that nothing changed;
//   sync after changes: the same sync-collections, then a multiget of the changed hrefs.
import { davKind, type DavKind } from '../src/providers/dav/dav-kind';
import type { CollectionKind } from '../src/model/source';
import { multigetBody, propfindBody, syncCollectionBody } from './floor-bodies';
import { describeRequests, limiter, type FloorPattern } from './floor-pattern';
import { elementText, hrefInside, openWire, scanResponses, send, type Wire } from './floor-wire';
import type { DavAccount } from './vdirsyncer-run';

interface FloorCollection {
  href: string;
  kind: DavKind;
  supportsSync: boolean;
  /** The token of the last listing (sync-collection), or the ctag (PROPFIND listing). */
  syncToken: string | undefined;
  ctag: string | undefined;
}

export interface FloorRun {
  ms: number;
  requests: number;
  bytes: number;
  /** Items whose text arrived (first mirror, changes) or changed hrefs seen (no-change). */
  items: number;
  /** The requests made, e.g. "PROPFIND ×6 + sync-collection ×3 + multiget 3×10000, 3 in flight". */
  pattern: string;
}

const KINDS: CollectionKind[] = ['addressbook', 'calendar'];
// No sync-token nor ctag: a first mirror has nothing to compare them with, the sync-collection
// answer carries its own token, and Radicale passes over every item to compute either. A
// collection without sync-collection is asked its ctag apart (firstMirror).
const COLLECTION_PROPS = ['D:resourcetype', 'D:supported-report-set'];
// An item's text, escaped (Radicale) or in a CDATA section (Cyrus).
const DATA = /<(?:[\w-]+:)?(?:address|calendar)-data[^>]*>\s*(?:<!\[CDATA\[)?BEGIN:/;
const NOT_FOUND = /\b404\b/;
const RESOURCE_TYPE = /<(?:[\w-]+:)?resourcetype>([\s\S]*?)<\/(?:[\w-]+:)?resourcetype>/;

/** One sync's requests, counted by name with their multiget sizes. */
class Session {
  readonly wire: Wire;
  readonly counts = new Map<string, number[]>();
  readonly run: <T>(task: () => Promise<T>) => Promise<T>;
  readonly start = performance.now();

  constructor(account: DavAccount, readonly pattern: FloorPattern) {
    this.wire = openWire(account.username, account.password);
    this.run = limiter(pattern.inFlight);
  }

  send(name: string, size: number, method: string, url: string, depth: '0' | '1' | undefined, body: string): Promise<string> {
    this.counts.set(name, [...(this.counts.get(name) ?? []), size]);
    return this.run(() => send(this.wire, method, url, depth, body));
  }

  finish(items: number): FloorRun {
    return { ms: performance.now() - this.start, requests: this.wire.requests, bytes: this.wire.bytes, items, pattern: describeRequests(this.counts, this.pattern.inFlight) };
  }
}

export class FloorClient {
  private known: FloorCollection[] = [];
  private pattern: FloorPattern = { batch: Infinity, inFlight: 1 };

  constructor(
    private readonly account: DavAccount,
    private readonly vcard4: boolean,
  ) {}

  private async home(session: Session, kind: DavKind): Promise<string> {
    const root = await session.send('PROPFIND', 0, 'PROPFIND', this.account.url, '0', propfindBody(['D:current-user-principal']));
    const principal = hrefInside(root, 'current-user-principal', this.account.url) ?? this.account.url;
    const answer = await session.send('PROPFIND', 0, 'PROPFIND', principal, '0', propfindBody([`${kind.prefix}:${kind.homeSet}`]));
    return hrefInside(answer, kind.homeSet, principal) ?? principal;
  }

  private async collections(session: Session, kind: DavKind): Promise<FloorCollection[]> {
    const home = await this.home(session, kind);
    const body = await session.send('PROPFIND', 0, 'PROPFIND', home, '1', propfindBody(COLLECTION_PROPS));
    const marker = new RegExp(`<(?:[\\w-]+:)?${kind.resourceType}\\s*/>`);
    return scanResponses(body, home)
      .filter((r) => marker.test(RESOURCE_TYPE.exec(r.text)?.[1] ?? ''))
      .map((r) => ({ href: r.href, kind, supportsSync: /sync-collection/.test(r.text), syncToken: undefined, ctag: undefined }));
  }

  /** Hrefs of the members (all of them with `token` null, else those changed), and the new token. */
  private async listChanged(session: Session, collection: FloorCollection, token: string | null): Promise<{ hrefs: string[]; token: string | undefined }> {
    const body = await session.send('sync-collection', 0, 'REPORT', collection.href, '0', syncCollectionBody(token));
    const hrefs = scanResponses(body, collection.href)
      .filter((r) => r.href !== collection.href && !NOT_FOUND.test(elementText(r.text, 'status') ?? ''))
      .map((r) => r.href);
    // The multistatus's own token (RFC 6578 §6.2), before or after the responses: the only
    // sync-token in the answer, since no response is asked for one.
    return { hrefs, token: elementText(body, 'sync-token') };
  }

  /** One sync-collection with the empty token that brings every member's text; the count of texts. */
  private async listWithData(session: Session, collection: FloorCollection): Promise<number> {
    const body = await session.send('sync-collection with texts', 0, 'REPORT', collection.href, '0', syncCollectionBody(null, { kind: collection.kind, vcard4: this.vcard4 }));
    collection.syncToken = elementText(body, 'sync-token');
    return scanResponses(body, collection.href).filter((r) => DATA.test(r.text)).length;
  }

  private async listByPropfind(session: Session, collection: FloorCollection): Promise<string[]> {
    const body = await session.send('PROPFIND', 0, 'PROPFIND', collection.href, '1', propfindBody(['D:getetag']));
    return scanResponses(body, collection.href)
      .filter((r) => r.href !== collection.href && !r.href.endsWith('/'))
      .map((r) => r.href);
  }

  private async multiget(session: Session, collection: FloorCollection, hrefs: string[]): Promise<number> {
    const batch = Math.min(session.pattern.batch, Math.max(hrefs.length, 1));
    const batches: string[][] = [];
    for (let start = 0; start < hrefs.length; start += batch) batches.push(hrefs.slice(start, start + batch).map((h) => new URL(h).pathname));
    const counts = await Promise.all(
      batches.map(async (paths) => {
        const body = await session.send('multiget', paths.length, 'REPORT', collection.href, collection.kind.kind === 'addressbook' ? '0' : undefined, multigetBody(collection.kind, paths, this.vcard4));
        return scanResponses(body, collection.href).filter((r) => DATA.test(r.text)).length;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  /** The first full mirror in `pattern`; saves each collection's token for the later syncs. */
  async firstMirror(pattern: FloorPattern): Promise<FloorRun> {
    this.pattern = pattern;
    const session = new Session(this.account, pattern);
    const lists = await Promise.all(KINDS.map((kind) => this.collections(session, davKind(kind))));
    this.known = lists.flat();
    const counts = await Promise.all(
      this.known.map(async (collection) => {
        let hrefs: string[];
        if (collection.supportsSync && pattern.listingCarriesData) return this.listWithData(session, collection);
        if (collection.supportsSync) {
          const listed = await this.listChanged(session, collection, null);
          hrefs = listed.hrefs;
          collection.syncToken = listed.token;
        } else {
          // Read before the listing: a change in between is then seen by the next sync.
          const answer = await session.send('PROPFIND', 0, 'PROPFIND', collection.href, '0', propfindBody(['CS:getctag']));
          collection.ctag = elementText(answer, 'getctag');
          hrefs = await this.listByPropfind(session, collection);
        }
        return this.multiget(session, collection, hrefs);
      }),
    );
    return session.finish(counts.reduce((a, b) => a + b, 0));
  }

  /** What changed since the last sync, fetched; `items` is how many texts arrived. */
  async sync(): Promise<FloorRun> {
    const session = new Session(this.account, this.pattern);
    const counts = await Promise.all(
      this.known.map(async (collection) => {
        if (collection.syncToken === undefined) return this.ctagUnchanged(session, collection);
        const { hrefs, token } = await this.listChanged(session, collection, collection.syncToken);
        collection.syncToken = token;
        return hrefs.length === 0 ? 0 : this.multiget(session, collection, hrefs);
      }),
    );
    return session.finish(counts.reduce((a, b) => a + b, 0));
  }

  /** Without sync-collection, a ctag tells whether anything changed (CalendarServer's getctag). */
  private async ctagUnchanged(session: Session, collection: FloorCollection): Promise<number> {
    const body = await session.send('PROPFIND', 0, 'PROPFIND', collection.href, '0', propfindBody(['CS:getctag']));
    if (elementText(body, 'getctag') === collection.ctag) return 0;
    throw new Error(`${collection.href} changed, and without sync-collection the floor would list it again: not measured.`);
  }
}
