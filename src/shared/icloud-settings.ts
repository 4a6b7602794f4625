// The advanced iCloud setting kept in extension storage, read by the options page (to ask for
// the host permission in the click) and the worker (where a new iCloud account validates): the
// setup address, when it is not Apple's own. Tests point it at the loopback reproduction of
// icloud.com's web services, as the advanced OAuth settings point a sign-in at a test server.
import { browser } from './browser';

const KEY = 'icloud-settings';

export interface IcloudSettings {
  /** Where the session is validated instead of setup.icloud.com (a reproduction of the service). */
  setupUrl?: string;
}

export async function readIcloudSettings(): Promise<IcloudSettings> {
  const stored = (await browser.storage.local.get(KEY))[KEY] as IcloudSettings | undefined;
  return stored && typeof stored === 'object' ? stored : {};
}
