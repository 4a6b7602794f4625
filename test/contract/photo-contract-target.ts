// What a target of the photo source contract (photo-source-contract.ts) hands the suite: a
// fresh photo source on one empty folder, the server's own ways to add and delete files behind
// its back, and what a kind of server genuinely cannot do, each with its reason.
import type { HttpContextOptions } from '../../src/http/http-context';
import type { PhotoSource } from '../../src/model/photo-source';
import type { Ability } from './contract-target';

export interface PhotoFixture {
  source: PhotoSource;
  /** Upstream edits, through the server's own storage or API, never through `source`. */
  put(path: string, bytes: Uint8Array): Promise<void>;
  remove(path: string): Promise<void>;
  /** Makes a change-feed cursor one the service no longer accepts (an expired delta link). */
  invalidate(cursor: string | null): Promise<string | null>;
  /** A source for the same account whose credentials the server refuses. */
  refusedSource(): PhotoSource;
  /** The same source sent to another origin (a fault proxy, a closed port), made with `options`. */
  sourceAt(origin: string, options: HttpContextOptions): PhotoSource;
  /**
   * A source whose next download of the file `name` is cut off mid-body (its Content-Length
   * promised more): a fault proxy in front of a WebDAV server, the storage host's own fault for
   * OneDrive, whose downloads go to another origin than its listings.
   */
  cutNextDownload(name: string): Promise<PhotoSource>;
  /** The origin listings go to, which a fault proxy forwards to. */
  origin: string;
  stop(): Promise<void>;
}

export interface PhotoTarget {
  start(): Promise<PhotoFixture>;
  capabilities: {
    /** Listings since a cursor (OneDrive's delta); otherwise each run walks the folder tree. */
    changeFeed: Ability;
    /** The listing or the download states a digest of each file's content to check it against. */
    digests: Ability;
  };
}
