// What a person pastes as a calendar feed. webcal:// is the scheme calendar apps register for
// subscriptions (Apple, Outlook and Google publish links with it); it has no port or protocol
// of its own and means HTTPS (https://en.wikipedia.org/wiki/Webcal). The whole address is kept
// like a password: Google's "secret address in iCal format" and Outlook's published calendars
// carry their secret in the path, so the mirror and messages hold only the origin.

/** The https:// (or http://) address of a feed, or null when the input is not one. */
export function feedHttpUrl(input: string): string | null {
  const trimmed = input.trim().replace(/^webcals?:\/\//i, 'https://');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  url.hash = '';
  return url.href;
}

/** What the mirror stores for a feed: its origin only (the collection's and items' base). */
export function feedBase(feedUrl: string): string {
  return `${new URL(feedUrl).origin}/`;
}
