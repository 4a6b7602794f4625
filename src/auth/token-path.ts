// Which way a sign-in gets its tokens. Google through Chrome's identity.getAuthToken where the
// browser offers it: Chrome (not Firefox, nor Chromium builds without Google's sign-in) with an
// oauth2 client ID in the manifest, which a build carries only when
// LIFEBOAT_GOOGLE_CHROME_CLIENT_ID is set (scripts/chrome-oauth-manifest.ts). Everywhere else,
// and for every other service (no `chromeIdentity`), the code flow with PKCE in identity.launchWebAuthFlow (sign-in.ts).
import type { OAuthProvider, ProviderSettings } from './oauth-providers';

export type TokenPath = 'chrome-identity' | 'web-auth-flow';

/** What the running browser and build offer. */
export interface IdentityOffer {
  /** chrome.identity.getAuthToken exists. */
  getAuthToken: boolean;
  /** The manifest's oauth2.client_id, if the build set one. */
  manifestClientId: string | null;
}

export function tokenPath(provider: OAuthProvider, settings: ProviderSettings, offer: IdentityOffer): TokenPath {
  if (!provider.chromeIdentity || !offer.getAuthToken || !offer.manifestClientId) return 'web-auth-flow';
  // A client ID or sign-in endpoint of one's own (Options → Advanced) is there to be used, and
  // getAuthToken can only use the manifest's.
  if (settings.clientId || settings.authorizeUrl || settings.tokenUrl) return 'web-auth-flow';
  return 'chrome-identity';
}
