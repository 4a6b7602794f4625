// What a person types as a server address, made into a URL, and the host permission
// that lets the extension talk to that server (and nothing else).
import { t } from '../catalog/catalog-text';

/**
 * Accepts "dav.example.com" as well as a full URL. http is accepted, but beyond loopback only
 * once the person has ticked the warning that the password crosses the network unencrypted
 * (plain-http-consent.tsx; the worker checks it again).
 */
export function normalizeServerUrl(input: string): URL {
  const trimmed = input.trim();
  if (trimmed === '') throw new Error(t('errorServerAddressEmpty'));
  const notAnAddress = new Error(t('errorServerAddressInvalid', trimmed));
  if (/\s/.test(trimmed)) throw notAnAddress;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw notAnAddress;
  }
  // Browsers accept odd hosts ("not%20a%20host"); a server name is letters, digits, dots and dashes.
  if (!/^([\p{L}\p{N}-]+\.)*[\p{L}\p{N}-]+$|^\[[0-9a-f:.]+\]$/iu.test(url.hostname)) throw notAnAddress;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(t('errorServerAddressScheme'));
  }
  return url;
}

/** A match pattern for the server's host; match patterns have no port, so any port is covered. */
export function hostPermissionFor(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}
