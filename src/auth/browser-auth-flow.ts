// The web auth flow through the browser's identity API. Chromium opens the authorize URL in
// its own window and resolves when the service redirects to https://<extension-id>.chromiumapp.org/
// (https://developer.chrome.com/docs/extensions/reference/api/identity#method-launchWebAuthFlow);
// it works headless as well, which the end-to-end test relies on. Firefox resolves on its own
// redirect URL from getRedirectURL().
import { browser } from '../shared/browser';
import type { WebAuthFlow } from './sign-in';

export function browserAuthFlow(): WebAuthFlow {
  return {
    redirectUri: browser.identity.getRedirectURL(),
    launch: (url, interactive) => browser.identity.launchWebAuthFlow({ url, interactive }),
  };
}
