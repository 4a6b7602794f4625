// The authorization request of the code flow (RFC 6749 §4.1.1) with its PKCE challenge
// (RFC 7636 §4.3) and a `state` that ties the answer to this request (RFC 6749 §10.12).
import type { OAuthProvider } from './oauth-providers';
import { t } from '../catalog/catalog-text';

export interface AuthorizeRequest {
  redirectUri: string;
  state: string;
  challenge: string;
  /** `none`: renew without showing anything, or fail (OpenID Connect Core §3.1.2.1). */
  prompt?: 'none' | 'consent' | 'select_account';
  loginHint?: string;
}

export function authorizeUrl(provider: OAuthProvider, request: AuthorizeRequest): string {
  const url = new URL(provider.authorizeUrl);
  const params: Record<string, string> = {
    response_type: 'code',
    client_id: provider.clientId,
    redirect_uri: request.redirectUri,
    scope: provider.scopes.join(' '),
    state: request.state,
    code_challenge: request.challenge,
    code_challenge_method: 'S256',
    ...provider.extraParams,
    ...(request.prompt ? { prompt: request.prompt } : {}),
    ...(request.loginHint ? { login_hint: request.loginHint } : {}),
  };
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

/** The code from the redirect, after checking `state`; the service's own error otherwise. */
export function codeFromRedirect(redirect: string, state: string): string {
  const url = new URL(redirect);
  // Some services answer in the fragment; the code flow answers in the query (RFC 6749 §4.1.2).
  const params = url.searchParams.has('state') ? url.searchParams : new URLSearchParams(url.hash.slice(1));
  if (params.get('state') !== state) throw new Error(t('errorSignInStateMismatch'));
  const error = params.get('error');
  if (error) throw new SignInRefusedError(error, params.get('error_description'));
  const code = params.get('code');
  if (!code) throw new Error(t('errorSignInNoCode'));
  return code;
}

/** The service said no: the person declined, or a silent renewal needs them (login_required). */
export class SignInRefusedError extends Error {
  readonly oauthError: string;

  constructor(oauthError: string, description: string | null) {
    super(description ? `The sign-in was refused: ${description}` : `The sign-in was refused (${oauthError}).`);
    this.name = 'SignInRefusedError';
    this.oauthError = oauthError;
  }
}
