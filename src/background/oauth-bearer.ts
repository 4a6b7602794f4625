// Bearer tokens for a signed-in account's run: the stored token, renewed silently when needed
// (auth/access-token.ts); the silent sign-in goes through the browser's identity API.
import { accessToken } from '../auth/access-token';
import { browserAuthFlow } from '../auth/browser-auth-flow';
import type { ProviderId } from '../auth/oauth-providers';
import { configuredProvider } from '../auth/provider-settings';
import type { SignInDeps } from '../auth/sign-in';
import { loadTokens, saveTokens } from '../auth/token-store';
import type { BearerAuth } from '../sources/dav/dav-connection';

export function signInDeps(): SignInDeps {
  return { flow: browserAuthFlow(), fetch: (input, init) => fetch(input, init), now: Date.now };
}

export async function bearerFor(accountId: string, providerId: ProviderId): Promise<BearerAuth> {
  const provider = await configuredProvider(providerId);
  const keeper = { load: () => loadTokens(accountId), save: (tokens: Parameters<typeof saveTokens>[1]) => saveTokens(accountId, tokens) };
  const deps = signInDeps();
  return {
    accessToken: await accessToken(provider, keeper, deps),
    renew: () => accessToken(provider, keeper, deps, { renew: true }),
  };
}
