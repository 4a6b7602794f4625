// A CardDAV or CalDAV server as a target of the source contract: the DAV source on its address
// book or calendar, changed upstream with plain PUT and DELETE as another client would
// (harness/dav-items.ts), and read back with GET to compare bytes.
import { createDavSource } from '../../src/providers/dav/dav-source';
import type { CollectionKind } from '../../src/model/source';
import type { DavTestServer } from '../harness/dav-test-server';
import { deleteItem, putItem } from '../harness/dav-items';
import { contractCard, contractEvent } from './contract-items';
import type { Capabilities, ContractTarget, SourceFixture } from './contract-target';

export interface DavTargetOptions {
  start: () => Promise<DavTestServer>;
  kind: CollectionKind;
  /** A sync token the server cannot know, in its own format (it may reject others differently). */
  forgottenToken: (current: string | undefined) => string;
  capabilities: Capabilities;
  /**
   * The vCard version the source asks for, when the server lists it in supported-address-data
   * (RFC 6352 §6.2.2): the server converts, and its own converted text is what to compare with.
   */
  vcardVersion?: '4.0';
}

/** The server's bytes for an item, as GET serves them (in the vCard version asked for). */
async function served(href: string, auth: { username: string; password: string }, vcardVersion: string | undefined): Promise<string> {
  const authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`, 'utf8').toString('base64')}`;
  const response = await fetch(href, { headers: { Authorization: authorization, ...(vcardVersion ? { Accept: `text/vcard; version=${vcardVersion}` } : {}) } });
  if (!response.ok) throw new Error(`GET ${href}: ${response.status}`);
  return response.text();
}

export function davTarget(options: DavTargetOptions): ContractTarget {
  const { kind } = options;
  return {
    capabilities: options.capabilities,
    async start(): Promise<SourceFixture> {
      const server = await options.start();
      const auth = { username: server.username, password: server.password };
      const collectionUrl = kind === 'addressbook' ? server.addressBookUrl : server.calendarUrl;
      const itemUrl = (n: number) => new URL(`contract-${n}.${kind === 'addressbook' ? 'vcf' : 'ics'}`, collectionUrl).href;
      const text = kind === 'addressbook' ? contractCard : contractEvent;
      const write = async (n: number, label: string) => void (await putItem(itemUrl(n), text(n, label), auth));
      const at = (origin: string) => `${origin}${new URL(server.url).pathname}`;
      return {
        source: createDavSource({ serverUrl: server.url, ...auth }, kind),
        kind,
        collectionPath: new URL(collectionUrl).pathname,
        add: write,
        change: write,
        remove: (n) => deleteItem(itemUrl(n), auth),
        served: (href) => served(href, auth, options.vcardVersion),
        // Without the ctag, which would still match: a restored server's ctag differs as well.
        invalidate: (cursor) => Promise.resolve({ syncToken: options.forgottenToken(cursor.syncToken) }),
        refusedSource: () => createDavSource({ serverUrl: server.url, username: server.username, password: `${server.password}-wrong` }, kind),
        sourceAt: (origin, httpOptions) => createDavSource({ serverUrl: at(origin), ...auth }, kind, httpOptions),
        origin: new URL(server.url).origin,
        stop: () => server.stop(),
      };
    },
  };
}
