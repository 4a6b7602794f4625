// Google's identity service: https://developers.google.com/identity/protocols/oauth2/native-app
// (code flow with PKCE; access_type=offline for a refresh token). The client ID is configuration
// (docs/ACCOUNTS.md): a build-time variable, or the advanced field in Options. Mirrored data is
// Google's CardDAV and CalDAV, whose discovery roots are the endpoints.
import type { OAuthProvider } from '../../model/oauth-provider';
import { GOOGLE_SCOPES } from '../../auth/google-scopes';

export const GOOGLE_OAUTH: OAuthProvider = {
  id: 'google',
  authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
  tokenUrl: 'https://oauth2.googleapis.com/token',
  scopes: GOOGLE_SCOPES,
  clientId: import.meta.env.VITE_LIFEBOAT_GOOGLE_CLIENT_ID ?? '',
  extraParams: { access_type: 'offline' },
  endpoints: { addressbook: 'https://www.googleapis.com/.well-known/carddav', calendar: 'https://apidata.googleusercontent.com/caldav/v2/' },
  chromeIdentity: true,
};
