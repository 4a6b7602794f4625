// One spelling per resource. Servers write the same href differently in different answers
// (`/a%40b.vcf` in a listing, `/a@b.vcf` in sync-collection, lower-case hex, a full URL in a
// multiget…), and the mirror keys items by href, so every href is made absolute (RFC 4918 §8.3:
// hrefs may be relative to the request-URI) and re-encoded the same way before anyone sees it.

/**
 * Percent-encodes one decoded path segment: everything except RFC 3986 unreserved characters
 * and `!'()*` (what encodeURIComponent leaves). Deterministic and idempotent; DAV servers decode
 * paths before use, so `%40` and `@` reach the same resource.
 */
function encodeSegment(decoded: string): string {
  return encodeURIComponent(decoded);
}

function normaliseSegment(segment: string): string {
  try {
    return encodeSegment(decodeURIComponent(segment));
  } catch {
    // Not valid UTF-8 once decoded (e.g. a Latin-1 `%E9`): keep the bytes, normalise hex case.
    return segment.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
  }
}

/** Absolute, normalised URL for an href read from a response to a request sent to `base`. */
export function absoluteHref(href: string, base: string): string {
  const url = new URL(href.trim(), base);
  url.hash = '';
  url.username = '';
  url.password = '';
  // The pathname setter keeps existing escapes and only escapes what is still raw.
  url.pathname = url.pathname.split('/').map(normaliseSegment).join('/');
  return url.href;
}

/** True when `a` and `b` name the same collection, whether or not one ends with a slash. */
export function sameResource(a: string, b: string): boolean {
  const strip = (s: string): string => (s.endsWith('/') ? s.slice(0, -1) : s);
  return strip(a) === strip(b);
}

/** Collection URLs end with `/` (RFC 4918 §5.2 recommends it), so member URLs resolve under them. */
export function asCollectionUrl(url: string): string {
  const u = new URL(url);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  return u.href;
}

/**
 * How to name `href` inside a request body sent to `requestUrl`: the absolute path when the
 * origin is the same (what every server accepts), else the full URL (RFC 4918 §8.3).
 */
export function hrefForBody(href: string, requestUrl: string): string {
  const target = new URL(href);
  const origin = new URL(requestUrl).origin;
  return target.origin === origin ? target.pathname + target.search : target.href;
}
