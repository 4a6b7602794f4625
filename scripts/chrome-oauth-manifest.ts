// Chrome's own Google sign-in (identity.getAuthToken) needs the manifest's oauth2 key: a client
// ID of the "Chrome extension" type, registered for this extension's id, and the scopes
// (https://developer.chrome.com/docs/extensions/reference/manifest/oauth2). A build carries it
// only when LIFEBOAT_GOOGLE_CHROME_CLIENT_ID is set; without it the manifest has no oauth2 key,
// and Google signs in through the web flow as in every other build (src/auth/token-path.ts).
import { GOOGLE_SCOPES } from '../src/auth/google-scopes.ts';

export function withChromeOAuth<M extends Record<string, unknown>>(manifest: M, clientId: string | undefined): M {
  const id = clientId?.trim();
  if (!id) return manifest;
  return { ...manifest, oauth2: { client_id: id, scopes: GOOGLE_SCOPES } };
}
