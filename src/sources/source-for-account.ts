// Which Source serves an account: one DAV source per service it mirrors, combined.
import type { AccountRecord } from '../db/records';
import type { CollectionKind, Source } from './source';
import { createDavSource } from './dav/dav-source';
import { combineSources } from './combined-source';

export function sourceForAccount(account: AccountRecord, password: string, fetchImpl: typeof fetch = fetch): Source {
  const byKind: Partial<Record<CollectionKind, Source>> = {};
  for (const kind of account.services) {
    const serverUrl = kind === 'calendar' ? (account.calendarServerUrl ?? account.serverUrl) : account.serverUrl;
    byKind[kind] = createDavSource({ serverUrl, username: account.username, password, fetch: fetchImpl }, kind);
  }
  return combineSources(byKind);
}
