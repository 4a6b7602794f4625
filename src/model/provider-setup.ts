// What the pages know of a kind of account: plain data, no request and no engine code (the
// popup and the options page must never bundle a source). Each provider declares one in
// providers/<kind>/setup.ts; providers/setup-registry.ts lists them. Code outside a provider's
// folder asks these properties instead of naming the kind.
import type { AccountKind } from './account';
import type { OAuthProvider } from './oauth-provider';

/** A well-known server: where discovery starts, the hosts it must reach, the app-password step. */
export interface ServerPreset<Key extends string = string> {
  id: string;
  /** A brand's own name, never translated. */
  name: string;
  /** A name in words, translated (the generic entry). */
  nameKey?: Key;
  /** Filled into the server field; empty where each user has their own server. */
  serverUrl: string;
  calendarServerUrl?: string;
  /** Host permissions beyond the server address's own host. */
  extraHosts?: string[];
  /** Shown under the form: where to create an app password, what the user name is. */
  help: Key;
  /** Placeholder of the server field for self-hosted services. */
  serverPlaceholder?: string;
}

/** A tile of the first-run setup: a server form with a preset, or a sign-in button. */
export interface SetupTile<Key extends string = string> {
  id: string;
  /** Where it stands among all providers' tiles (lower first). */
  order: number;
  /** A brand's own name, never translated; empty for the generic entry. */
  name: string;
  /** The generic entry's name, in words. */
  nameKey?: Key;
  /** A line under the name: which products the brand covers. */
  detailKey?: Key;
  /** A server-and-password form filled from this preset; absent: the provider's sign-in. */
  presetId?: string;
}

/** A sign-in button and the identity service behind it. */
export interface SignInSetup<Key extends string = string> {
  oauth: OAuthProvider;
  /** The button's words ("Sign in with Google"); absent where the sign-in is part of a form. */
  buttonKey?: Key;
  /** The service's own name, in "allow access to …". */
  name: string;
  /** The label of its client ID field in Options → Advanced; absent where it shares another's. */
  clientIdKey?: Key;
}

export interface ProviderSetup<Key extends string = string> {
  kind: AccountKind;
  /** What an account of this kind mirrors: address books and calendars, a photo library, or files imported once. */
  mirrors: 'items' | 'photos' | 'files';
  /**
   * What a run needs: a password, a feed's full address, a sign-in's tokens, the browser's own
   * session at the service's site (iCloud's icloud.com sign-in: the browser holds its cookies,
   * Lifeboat stores nothing), or nothing (never synced).
   */
  secret: 'password' | 'feed-address' | 'sign-in' | 'browser-session' | 'none';
  /** A restore may write its collections back (create-only PUTs over DAV). */
  canRestoreTo: boolean;
  /** Its address books keep the CATEGORIES of a card put into them (Google's CardDAV drops them). */
  keepsContactLabels: boolean;
  /** The person picks which of its collections to mirror. */
  choosesCollections: boolean;
  /** The line under the account's name: its user and servers, a feed's host, or nothing. */
  where: 'user-and-servers' | 'feed-host' | 'none';
  signIn?: SignInSetup<Key>;
  presets?: Array<ServerPreset<Key>>;
  tiles?: Array<SetupTile<Key>>;
}

/** Accounts with a remote to mirror (not the ones imported from files). */
export const hasServer = (setup: ProviderSetup): boolean => setup.secret !== 'none';

/** Accounts that ride on the browser's own sign-in at the service's site: nothing to store or renew. */
export const usesBrowserSession = (setup: ProviderSetup): boolean => setup.secret === 'browser-session';
