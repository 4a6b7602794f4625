// The running browser's identity.getAuthToken, if it has one, and what the build's manifest
// says of it (token-path.ts decides whether to use it). Through the `chrome` global: the
// polyfill's `browser` follows Firefox, which has no getAuthToken.
import type { IdentityApi } from './identity-token';
import type { IdentityOffer } from './token-path';

interface ChromeIdentityGlobal {
  identity?: Partial<IdentityApi>;
  runtime?: { getManifest?: () => { oauth2?: { client_id?: unknown } } };
}

const chromeGlobal = (): ChromeIdentityGlobal | undefined => (globalThis as { chrome?: ChromeIdentityGlobal }).chrome;

export function browserIdentityOffer(): IdentityOffer {
  const chrome = chromeGlobal();
  const clientId = chrome?.runtime?.getManifest?.().oauth2?.client_id;
  return { getAuthToken: typeof chrome?.identity?.getAuthToken === 'function', manifestClientId: typeof clientId === 'string' && clientId !== '' ? clientId : null };
}

/** Chrome's identity calls, or null where the browser has none. */
export function browserIdentityApi(): IdentityApi | null {
  const identity = chromeGlobal()?.identity;
  const { getAuthToken, removeCachedAuthToken } = identity ?? {};
  if (typeof getAuthToken !== 'function' || typeof removeCachedAuthToken !== 'function') return null;
  return {
    getAuthToken: (details) => getAuthToken.call(identity, details),
    removeCachedAuthToken: (details) => removeCachedAuthToken.call(identity, details),
  };
}
