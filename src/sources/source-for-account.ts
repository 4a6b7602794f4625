// Which Source serves an account. One line per kind of account.
import type { AccountRecord } from '../db/records';
import type { Source } from './source';
import { createDavSource } from './dav/dav-source';

export function sourceForAccount(account: AccountRecord, password: string, fetchImpl: typeof fetch = fetch): Source {
  switch (account.kind) {
    case 'carddav':
      return createDavSource({ serverUrl: account.serverUrl, username: account.username, password, fetch: fetchImpl }, 'addressbook');
  }
}
