// Which Source serves an account: one DAV source per service it mirrors, combined. The
// homes found by the previous run are handed in, and the ones this run found handed back.
import type { AccountRecord } from '../db/records';
import type { CollectionKind } from './source';
import { createDavSource, type DavSource, type DavSourceOptions } from './dav/dav-source';
import type { Discovery } from './dav/discover';
import { combineSources } from './combined-source';

export interface AccountSource {
  source: ReturnType<typeof combineSources>;
  /** Where each service's collections were found, to remember for the next run. */
  discovery: () => Partial<Record<CollectionKind, Discovery>>;
}

export function sourceForAccount(
  account: AccountRecord,
  password: string,
  options: DavSourceOptions = {},
  fetchImpl?: typeof fetch,
): AccountSource {
  const byKind: Partial<Record<CollectionKind, DavSource>> = {};
  for (const kind of account.services) {
    const serverUrl = kind === 'calendar' ? (account.calendarServerUrl ?? account.serverUrl) : account.serverUrl;
    const known = account.discovery[kind];
    byKind[kind] = createDavSource({ serverUrl, username: account.username, password, ...(fetchImpl ? { fetch: fetchImpl } : {}) }, kind, known ? { ...options, discovery: known } : options);
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
