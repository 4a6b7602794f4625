// An account on CardDAV and CalDAV servers (a password, or Google's bearer token): one DAV
// source per service it mirrors, combined. The homes found by the previous run are handed in,
// and the ones this run found handed back. A password goes over plain http off this machine
// only when the person confirmed it for the account.
import type { AccountRecord } from '../../model/account';
import type { CollectionKind } from '../../model/source';
import type { Discovery } from '../../model/discovery';
import type { AccountSecret, AccountSource } from '../provider-engine';
import { combineSources } from '../combined-source';
import { sharedHomeListing } from './shared-home-listing';
import { createDavSource, type DavSource, type DavSourceOptions } from './dav-source';

export function davAccountSource(account: AccountRecord, secret: AccountSecret, options: DavSourceOptions, fetchImpl?: typeof fetch): AccountSource {
  const password = typeof secret === 'string' ? secret : '';
  const bearer = typeof secret === 'string' ? {} : { bearer: secret };
  const allowPlainHttp = account.plainHttpConfirmed === true;
  const byKind: Partial<Record<CollectionKind, DavSource>> = {};
  // One connection for both kinds: a home they share is listed once (shared-home-listing.ts).
  const oneConnection = account.services.length > 1 && (account.calendarServerUrl ?? account.serverUrl) === account.serverUrl;
  const listing = oneConnection ? sharedHomeListing(account.services) : null;
  for (const kind of account.services) {
    const serverUrl = kind === 'calendar' ? (account.calendarServerUrl ?? account.serverUrl) : account.serverUrl;
    const known = account.discovery[kind];
    const kindOptions = { ...options, ...(known ? { discovery: known } : {}), ...(listing ? { listingPropfind: listing(kind) } : {}) };
    byKind[kind] = createDavSource({ serverUrl, username: account.username, password, allowPlainHttp, ...bearer, ...(fetchImpl ? { fetch: fetchImpl } : {}) }, kind, kindOptions);
  }
  return {
    source: combineSources(byKind),
    discovery: () => {
      const found: Partial<Record<CollectionKind, Discovery>> = {};
      for (const [kind, source] of Object.entries(byKind) as Array<[CollectionKind, DavSource]>) {
        if (source.discovery) found[kind] = source.discovery;
      }
      return found;
    },
  };
}
