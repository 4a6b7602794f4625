// What the worker knows of a kind of account (its page-side half is model/provider-setup.ts):
// how to make its Source or photo source from the account and its secret, and where a new
// sign-in finds its data. Each provider declares one in providers/<kind>/provider.ts;
// providers/registry.ts lists them. Only the worker imports these: they carry engine code.
import type { AccountRecord } from '../model/account';
import type { CollectionKind, RemoteCollection, Source } from '../model/source';
import type { Discovery } from '../model/discovery';
import type { PhotoSource } from '../model/photo-source';
import type { ProviderSetup } from '../model/provider-setup';
import type { BearerAuth } from '../http/http-context';
import type { DavSourceOptions } from './dav/dav-source';

export interface AccountSource {
  source: Source;
  /** Where each service's collections were found, to remember for the next run. */
  discovery: () => Partial<Record<CollectionKind, Discovery>>;
}

/** A password, a feed's full address, or a signed-in account's bearer token. */
export type AccountSecret = string | BearerAuth;

export interface SignedInServers {
  serverUrl: string;
  calendarServerUrl: string | null;
}

export interface ProviderEngine {
  setup: ProviderSetup;
  /** Address books and calendars: the account's Source for one run. */
  itemSource?: (account: AccountRecord, secret: AccountSecret, options: DavSourceOptions, fetchImpl?: typeof fetch) => AccountSource;
  /** A photo library: its source for one run. */
  photoSource?: (account: AccountRecord, secret: AccountSecret) => PhotoSource;
  signIn?: {
    /** Where a signed-in account's data lives, from its identity service's endpoints. */
    servers: (endpoints: Record<string, string>) => SignedInServers;
    /** What a new sign-in finds; absent: CardDAV and CalDAV discovery on those servers. */
    discover?: (servers: SignedInServers, bearer: BearerAuth) => Promise<{ services: CollectionKind[]; collections: RemoteCollection[] }>;
  };
}
