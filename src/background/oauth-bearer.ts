// Bearer tokens for a signed-in account's run: the stored token, renewed silently when needed
// (auth/access-token.ts); the silent sign-in, or Chrome's own Google token, goes through the
// browser's identity API.
import { bearerAuth } from '../auth/bearer-auth';
import { browserAuthFlow } from '../auth/browser-auth-flow';
import { browserIdentityApi } from '../auth/chrome-identity';
import type { OAuthProvider } from '../auth/oauth-providers';
import { configuredProvider } from '../auth/provider-settings';
import type { SignInDeps } from '../auth/sign-in';
import { loadTokens, saveTokens } from '../auth/token-store';
import type { BearerAuth } from '../http/http-context';
import type { AccountKind } from '../model/account';
import { providerOf } from '../providers/registry';
import { t } from '../catalog/catalog-text';

export function signInDeps(): SignInDeps {
  // Chrome's identity API, where it exists, renews the tokens it gave (auth/access-token.ts).
  // No fetch handed in: the token endpoint goes through the HTTP layer's own (http/send.ts).
  return { flow: browserAuthFlow(), now: Date.now, identity: browserIdentityApi() };
}

/** The identity service and scopes an account of `kind` signs in (and renews) with, as its provider declares them. */
export async function providerFor(kind: AccountKind): Promise<OAuthProvider> {
  const { signIn } = providerOf(kind).setup;
  if (!signIn) throw new Error(t('errorSecretMismatch'));
  return configuredProvider(signIn.oauth);
}

export async function bearerFor(accountId: string, kind: AccountKind): Promise<BearerAuth> {
  const provider = await providerFor(kind);
  const keeper = { load: () => loadTokens(accountId), save: (tokens: Parameters<typeof saveTokens>[1]) => saveTokens(accountId, tokens) };
  return bearerAuth(provider, keeper, signInDeps());
}
