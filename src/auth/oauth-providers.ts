// The identity services Lifeboat signs in to, with the endpoints and scopes each documents.
// The client ID is configuration (docs/ACCOUNTS.md): a build-time variable, or the advanced
// field in Options, which also takes other endpoints (Microsoft's national clouds, a test
// server). No client secret exists anywhere: PKCE replaces it (RFC 7636, RFC 8252 §8.5).
import { GOOGLE_SCOPES } from './google-scopes';

export type ProviderId = 'google' | 'microsoft';

export interface OAuthProvider {
  id: ProviderId;
  authorizeUrl: string;
  tokenUrl: string;
  scopes: string[];
  clientId: string;
  /** Extra authorization parameters the service needs to hand out a refresh token. */
  extraParams: Record<string, string>;
  /** Where the mirrored data is served: DAV discovery roots, or the Graph API root. */
  endpoints: Record<string, string>;
}

export type ProviderSettings = Partial<Pick<OAuthProvider, 'authorizeUrl' | 'tokenUrl' | 'clientId' | 'endpoints'>>;

const BUILT_IN: Record<ProviderId, OAuthProvider> = {
  // https://developers.google.com/identity/protocols/oauth2/native-app (code flow with PKCE;
  // access_type=offline for a refresh token). Scopes: google-scopes.ts.
  google: {
    id: 'google',
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    scopes: GOOGLE_SCOPES,
    clientId: import.meta.env.VITE_LIFEBOAT_GOOGLE_CLIENT_ID ?? '',
    extraParams: { access_type: 'offline' },
    endpoints: { addressbook: 'https://www.googleapis.com/.well-known/carddav', calendar: 'https://apidata.googleusercontent.com/caldav/v2/' },
  },
  // https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow (the
  // "common" tenant takes Outlook.com and Microsoft 365 accounts; offline_access for a refresh token).
  microsoft: {
    id: 'microsoft',
    authorizeUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    tokenUrl: 'https://login.microsoftonline.com/common/oauth2/v2.0/token',
    scopes: ['offline_access', 'Contacts.Read', 'Calendars.Read'],
    clientId: import.meta.env.VITE_LIFEBOAT_MICROSOFT_CLIENT_ID ?? '',
    extraParams: {},
    endpoints: { graph: 'https://graph.microsoft.com/v1.0/' },
  },
};

export function providerWith(id: ProviderId, settings: ProviderSettings = {}): OAuthProvider {
  const base = BUILT_IN[id];
  return { ...base, ...settings, clientId: settings.clientId || base.clientId, endpoints: { ...base.endpoints, ...settings.endpoints } };
}

/**
 * A sign-in for OneDrive photos asks to read files only (Files.Read: the signed-in person's own
 * files, https://learn.microsoft.com/en-us/graph/permissions-reference#filesread) and nothing
 * else, while the contacts and calendars sign-in never asks for files: each grants what it uses.
 * A refresh asks for the same scopes again (token-endpoint.ts), so the account keeps this provider.
 */
export function forOneDrivePhotos(microsoft: OAuthProvider): OAuthProvider {
  return { ...microsoft, scopes: ['offline_access', 'Files.Read'] };
}

/** Host permissions a sign-in asks for: the token endpoint and where the data lives. */
export function providerOrigins(provider: OAuthProvider): string[] {
  const urls = [provider.tokenUrl, ...Object.values(provider.endpoints)];
  return [...new Set(urls.map((u) => `${new URL(u).protocol}//${new URL(u).hostname}/*`))];
}
