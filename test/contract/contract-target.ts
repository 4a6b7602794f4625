// What a target of the source contract (source-contract.ts) hands the suite: a fresh source on
// one empty collection, the server's own ways to change that collection behind the source's
// back, and the few things a kind of server genuinely cannot do, each said with its reason.
import type { HttpContextOptions } from '../../src/http/http-context';
import type { CollectionKind, Source, SyncCursor } from '../../src/model/source';

/** How the text a source fetches relates to what the server holds. */
export type ServedForm =
  /** Byte for byte what the server holds (DAV, the memory source). */
  | 'exact'
  /** One object cut out of a bigger file (a feed): its component's lines appear in it as they are. */
  | 'excerpt'
  /** Written by the source from the server's JSON (Graph): the same on every fetch, naming the item. */
  | 'converted';

export interface SourceFixture {
  source: Source;
  kind: CollectionKind;
  /**
   * The path of the collection under test in `listCollections()` (a server may list several);
   * a path, not a URL, so the same collection is found through a fault proxy.
   */
  collectionPath: string;
  /** Upstream edits, through the server's own protocol or storage, never through `source`. */
  add(n: number, label: string): Promise<void>;
  change(n: number, label: string): Promise<void>;
  remove(n: number): Promise<void>;
  /** What the server holds at `href` (the DAV object, the whole feed, the Graph JSON). */
  served(href: string): Promise<string>;
  /** Makes `cursor` one the server no longer accepts (a forgotten token, an expired link). */
  invalidate(cursor: SyncCursor): Promise<SyncCursor>;
  /** A source for the same account whose credentials the server refuses; absent: see `capabilities.auth`. */
  refusedSource?(): Source;
  /**
   * The same source sent to another origin (`http://127.0.0.1:port`: a fault proxy in front of
   * the server, a closed port), the path kept, made with `options`; absent: see
   * `capabilities.network`.
   */
  sourceAt?(origin: string, options: HttpContextOptions): Source;
  /** The server's origin, which a fault proxy forwards to. */
  origin?: string;
  stop(): Promise<void>;
}

/** `true`, or why the target cannot: the suite names the reason among its skipped tests. */
export type Ability = true | { lacks: string };

export interface Capabilities {
  served: ServedForm;
  /** Change listings carry only the differences; otherwise every listing is a full one. */
  deltas: Ability;
  /** The server checks credentials (and the fixture has `refusedSource`). */
  auth: Ability;
  /** Requests go over HTTP (and the fixture has `sourceAt` and `origin`). */
  network: Ability;
}

export interface ContractTarget {
  start(): Promise<SourceFixture>;
  capabilities: Capabilities;
}
