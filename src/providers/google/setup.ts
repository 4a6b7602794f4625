// Google: signed in with Google (OAuth), contacts and calendars mirrored over Google's CardDAV
// and CalDAV through providers/dav/ with a bearer token. Its CardDAV drops a card's CATEGORIES
// (restore/contact-labels.ts), which the restore panel says before anything is sent.
import type { ProviderSetup } from '../../model/provider-setup';
import type { MessageKey } from '../../shared/i18n';
import { GOOGLE_OAUTH } from './oauth';

export const googleSetup: ProviderSetup<MessageKey> = {
  kind: 'google',
  mirrors: 'items',
  secret: 'sign-in',
  canRestoreTo: true,
  keepsContactLabels: false,
  choosesCollections: true,
  where: 'none',
  signIn: { oauth: GOOGLE_OAUTH, buttonKey: 'signInWithGoogle', name: 'Google', clientIdKey: 'clientIdGoogle' },
  tiles: [{ id: 'google', order: 20, name: 'Google' }],
};
