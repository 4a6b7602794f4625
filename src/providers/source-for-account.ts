// Which Source serves an account: one DAV source per service it mirrors, combined. The
// homes found by the previous run are handed in, and the ones this run found handed back. Every
// context of one run shares one request budget (http/request-budget.ts), and a password goes
// over plain http off this machine only when the person confirmed it for the account.
import type { AccountRecord } from '../model/account';
import type { CollectionKind } from '../model/source';
import { createDavSource, type DavSource, type DavSourceOptions } from './dav/dav-source';
import type { Discovery } from '../model/discovery';
import type { BearerAuth } from '../http/http-context';
import { combineSources } from './combined-source';
import { createFeedSource } from './ics-feed/feed-source';
import { graphSource } from './microsoft/graph-source';
import { requestBudget } from '../http/request-budget';

export interface AccountSource {
  source: ReturnType<typeof combineSources>;
  /** Where each service's collections were found, to remember for the next run. */
  discovery: () => Partial<Record<CollectionKind, Discovery>>;
}

/** `secret`: the password of a DAV account, the full address of a calendar feed, a signed-in account's bearer token. */
export function sourceForAccount(
  account: AccountRecord,
  secret: string | BearerAuth,
  options: DavSourceOptions = {},
  fetchImpl?: typeof fetch,
): AccountSource {
  options = { budget: requestBudget(), ...options };
  if (account.kind === 'ics-feed' && typeof secret === 'string') {
    const feed = createFeedSource({ url: secret, label: account.label, ...(fetchImpl ? { fetch: fetchImpl } : {}) }, options);
    return { source: feed, discovery: () => ({}) };
  }
  if (account.kind === 'microsoft' && typeof secret !== 'string') {
    return { source: graphSource(account, { graphUrl: account.serverUrl, bearer: secret, ...(fetchImpl ? { fetch: fetchImpl } : {}) }, options), discovery: () => ({}) };
  }
  const password = typeof secret === 'string' ? secret : '';
  const bearer = typeof secret === 'string' ? {} : { bearer: secret };
  const allowPlainHttp = account.plainHttpConfirmed === true;
  const byKind: Partial<Record<CollectionKind, DavSource>> = {};
  for (const kind of account.services) {
    const serverUrl = kind === 'calendar' ? (account.calendarServerUrl ?? account.serverUrl) : account.serverUrl;
    const known = account.discovery[kind];
    byKind[kind] = createDavSource({ serverUrl, username: account.username, password, allowPlainHttp, ...bearer, ...(fetchImpl ? { fetch: fetchImpl } : {}) }, kind, known ? { ...options, discovery: known } : options);
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
