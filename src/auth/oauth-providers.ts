// The identity services Lifeboat signs in to are declared by their providers
// (providers/<kind>/oauth.ts, with the endpoints and scopes each documents); this is what any of
// them becomes with a person's settings. The client ID is configuration (docs/ACCOUNTS.md): a
// build-time variable, or the advanced field in Options, which also takes other endpoints
// (Microsoft's national clouds, a test server). No client secret exists anywhere: PKCE replaces
// it (RFC 7636, RFC 8252 §8.5).
import type { OAuthProvider, ProviderSettings } from '../model/oauth-provider';

export type { OAuthProvider, ProviderSettings } from '../model/oauth-provider';

/** Where a provider's settings are kept: its `id`. */
export type ProviderId = OAuthProvider['id'];

export function providerWith(base: OAuthProvider, settings: ProviderSettings = {}): OAuthProvider {
  return { ...base, ...settings, clientId: settings.clientId || base.clientId, endpoints: { ...base.endpoints, ...settings.endpoints } };
}

/** Host permissions a sign-in asks for: the token endpoint and where the data lives. */
export function providerOrigins(provider: OAuthProvider): string[] {
  const urls = [provider.tokenUrl, ...Object.values(provider.endpoints)];
  return [...new Set(urls.map((u) => `${new URL(u).protocol}//${new URL(u).hostname}/*`))];
}
