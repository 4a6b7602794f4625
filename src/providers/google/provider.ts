// The worker's half of a Google account: its CardDAV and CalDAV through providers/dav/ with the
// sign-in's bearer token (renewed once after a 401); a new sign-in discovers both services at
// the roots Google documents (oauth.ts's endpoints).
import type { ProviderEngine } from '../provider-engine';
import { davAccountSource } from '../dav/account-source';
import { googleSetup } from './setup';

export const googleProvider: ProviderEngine = {
  setup: googleSetup,
  itemSource: davAccountSource,
  signIn: { servers: (endpoints) => ({ serverUrl: endpoints.addressbook!, calendarServerUrl: endpoints.calendar! }) },
};
