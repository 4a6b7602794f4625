// An OAuth 2.0 authorization server on loopback that behaves as Google's and Microsoft's
// document for a public client using the code flow with PKCE. Each check cites its source:
// - the redirect URI must exactly match a registered one, and a mismatch is never redirected
//   to (RFC 6749 §3.1.2.3, §4.1.2.1; Google: "redirect_uri_mismatch",
//   https://developers.google.com/identity/protocols/oauth2/native-app);
// - only the registered scopes may be asked for (RFC 6749 §3.3, §4.1.2.1 invalid_scope);
// - code_challenge with method S256 is required, and the verifier must hash to it
//   (RFC 7636 §4.4.1, §4.6; Microsoft requires PKCE for SPA/public clients,
//   https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow);
// - a code is redeemed once, soon, with the same redirect URI and client (RFC 6749 §4.1.2, §4.1.3);
// - prompt=none without a signed-in person answers error=login_required (OpenID Connect Core
//   §3.1.2.6); access tokens expire (expires_in, RFC 6749 §5.1), a revoked refresh token
//   answers 400 invalid_grant (§5.2).
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { LOOPBACK, listenOnLoopback } from './free-port';

export interface OAuthServerOptions {
  clientId: string;
  redirectUris: string[];
  scopes: string[];
  /** Lifetime of access tokens, seconds (Google and Microsoft: about 3600). */
  accessTokenSeconds?: number;
}

export interface OAuthTestServer {
  url: string;
  authorizeUrl: string;
  tokenUrl: string;
  /** Whether a person is signed in to the service in the browser (silent renewal works). */
  signedIn: boolean;
  /** Token requests by grant type, and refusals by reason, in order. */
  log: string[];
  isValidAccessToken(token: string): boolean;
  expireAccessTokens(): void;
  revokeRefreshTokens(): void;
  stop(): Promise<void>;
}

interface PendingCode {
  clientId: string;
  redirectUri: string;
  challenge: string;
  scope: string;
  expiresAt: number;
}

const base64url = (buffer: Buffer): string => buffer.toString('base64url');

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' }).end(JSON.stringify(body));
}

export async function startOAuthServer(options: OAuthServerOptions): Promise<OAuthTestServer> {
  const codes = new Map<string, PendingCode>();
  const accessTokens = new Map<string, number>();
  const refreshTokens = new Set<string>();
  const lifetime = (options.accessTokenSeconds ?? 3600) * 1000;
  const log: string[] = [];

  const issue = (scope: string, withRefresh: boolean) => {
    const access = base64url(randomBytes(24));
    accessTokens.set(access, Date.now() + lifetime);
    const refresh = withRefresh ? base64url(randomBytes(24)) : undefined;
    if (refresh) refreshTokens.add(refresh);
    return { access_token: access, token_type: 'Bearer', expires_in: lifetime / 1000, scope, ...(refresh ? { refresh_token: refresh } : {}) };
  };

  function authorize(url: URL, res: ServerResponse, state: OAuthTestServer): void {
    const q = url.searchParams;
    const redirectUri = q.get('redirect_uri') ?? '';
    if (q.get('client_id') !== options.clientId || !options.redirectUris.includes(redirectUri)) {
      log.push('refused: client or redirect_uri');
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Error 400: redirect_uri_mismatch');
      return;
    }
    const back = (params: Record<string, string>) => {
      const target = new URL(redirectUri);
      for (const [name, value] of Object.entries({ ...params, state: q.get('state') ?? '' })) target.searchParams.set(name, value);
      res.writeHead(302, { Location: target.href }).end();
    };
    const scopes = (q.get('scope') ?? '').split(' ').filter(Boolean);
    if (q.get('response_type') !== 'code') return back({ error: 'unsupported_response_type' });
    if (scopes.length === 0 || scopes.some((s) => !options.scopes.includes(s))) return (log.push('refused: scope'), back({ error: 'invalid_scope' }));
    if (q.get('code_challenge_method') !== 'S256' || !q.get('code_challenge')) return (log.push('refused: pkce'), back({ error: 'invalid_request', error_description: 'code_challenge required' }));
    if (!state.signedIn) return back({ error: q.get('prompt') === 'none' ? 'login_required' : 'access_denied' });
    const code = base64url(randomBytes(16));
    codes.set(code, { clientId: options.clientId, redirectUri, challenge: q.get('code_challenge')!, scope: scopes.join(' '), expiresAt: Date.now() + 60_000 });
    log.push(q.get('prompt') === 'none' ? 'authorize: silent' : 'authorize');
    back({ code });
  }

  async function token(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const form = await readForm(req);
    const grant = form.get('grant_type');
    log.push(`token: ${grant}`);
    if (form.get('client_secret')) return json(res, 400, { error: 'invalid_client', error_description: 'a public client has no secret' });
    if (grant === 'authorization_code') {
      const pending = codes.get(form.get('code') ?? '');
      codes.delete(form.get('code') ?? '');
      const verifier = form.get('code_verifier') ?? '';
      const hashed = base64url(createHash('sha256').update(verifier).digest());
      if (!pending || pending.expiresAt < Date.now() || pending.clientId !== form.get('client_id') || pending.redirectUri !== form.get('redirect_uri') || hashed !== pending.challenge) {
        log.push('refused: code or verifier');
        return json(res, 400, { error: 'invalid_grant', error_description: 'code, redirect_uri or code_verifier does not match' });
      }
      return json(res, 200, issue(pending.scope, true));
    }
    if (grant === 'refresh_token') {
      if (!refreshTokens.has(form.get('refresh_token') ?? '')) return json(res, 400, { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' });
      return json(res, 200, issue(options.scopes.join(' '), false));
    }
    json(res, 400, { error: 'unsupported_grant_type' });
  }

  const state = { signedIn: true } as OAuthTestServer;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/authorize') return authorize(url, res, state);
    if (req.method === 'POST' && url.pathname === '/token') return void token(req, res);
    res.writeHead(404).end();
  });
  const root = `http://${LOOPBACK}:${await listenOnLoopback(server)}`;
  return Object.assign(state, {
    url: `${root}/`,
    authorizeUrl: `${root}/authorize`,
    tokenUrl: `${root}/token`,
    log,
    isValidAccessToken: (t: string) => (accessTokens.get(t) ?? 0) > Date.now(),
    expireAccessTokens: () => accessTokens.clear(),
    revokeRefreshTokens: () => refreshTokens.clear(),
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  });
}
