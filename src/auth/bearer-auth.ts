// The bearer token a signed-in account's run starts with, and how the DAV and Graph requests
// get a new one after a 401 (http/exchange.ts asks once): both through accessToken,
// so a refresh token, a silent sign-in or Chrome's identity API renews it, whichever gave it.
import type { BearerAuth } from '../http/http-context';
import { accessToken, type TokenKeeper } from './access-token';
import type { OAuthProvider } from './oauth-providers';
import type { SignInDeps } from './sign-in';

export async function bearerAuth(provider: OAuthProvider, keeper: TokenKeeper, deps: SignInDeps): Promise<BearerAuth> {
  return {
    accessToken: await accessToken(provider, keeper, deps),
    renew: () => accessToken(provider, keeper, deps, { renew: true }),
  };
}
