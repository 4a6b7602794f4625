// The browser's web auth flow stood in for by Node: follow the authorize URL's redirects until
// one reaches the redirect URI, and hand that URL back (what launchWebAuthFlow resolves with).
// The end-to-end test runs the real identity API in Chromium instead.
import type { WebAuthFlow } from '../../src/auth/sign-in';

export function nodeAuthFlow(redirectUri = 'https://lifeboat-test.chromiumapp.org/'): WebAuthFlow & { launched: string[] } {
  const launched: string[] = [];
  return {
    redirectUri,
    launched,
    async launch(url) {
      launched.push(url);
      const response = await fetch(url, { redirect: 'manual' });
      const location = response.headers.get('location');
      if (!location || !location.startsWith(redirectUri)) throw new Error(`The flow did not finish: ${response.status}`);
      return location;
    },
  };
}
