// iCloud's web services answer only requests that carry icloud.com's own Origin (pyicloud
// base.py, icloudpd and icloud-photos-sync all send `Origin: https://www.icloud.com`), which a
// fetch from the extension cannot set itself (Origin is a forbidden header name, Fetch
// Standard §2.2.2). One declarativeNetRequest session rule sets it, and the Referer, on
// Lifeboat's own requests to iCloud's hosts only:
// - `initiatorDomains`: the extension's own origin host (Chrome: its id; Firefox: the
//   moz-extension UUID, which is not runtime.id there, hence read from runtime.getURL);
// - `tabIds: [-1]`: requests from no tab (the worker, Firefox's event page), never a web page;
// - `requestDomains`: the hosts of the iCloud accounts' setup addresses (icloud.com and
//   icloud-content.com, or their .cn twins; a test's loopback reproduction).
// A page's own requests to the same hosts stay as the page made them. Session rules end with the
// browser, so the rule is installed at every worker start, and when an iCloud account is added
// or removed (removed with the last one).
// https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest
import { browser } from '../shared/browser';
import { openDb } from '../db/schema';
import { listAccounts } from '../db/accounts';
import { ICLOUD_ORIGIN_RULE_ID, icloudOriginRule, icloudRequestDomains } from './icloud-origin-condition';
import { ridesBrowserSession } from './account-secret';

const extensionHost = (): string => new URL(browser.runtime.getURL('/')).hostname;

/**
 * Installs the rule for the iCloud accounts there are (and `alsoFor`, a setup address about to
 * be validated for a new account), or removes it when there is none.
 */
export async function refreshIcloudOriginRule(alsoFor: string[] = []): Promise<void> {
  const icloud = (await listAccounts(openDb())).filter(ridesBrowserSession).map((a) => a.serverUrl);
  const domains = [...new Set([...icloud, ...alsoFor].flatMap(icloudRequestDomains))].sort();
  await browser.declarativeNetRequest.updateSessionRules({
    removeRuleIds: [ICLOUD_ORIGIN_RULE_ID],
    ...(domains.length > 0 ? { addRules: [icloudOriginRule(domains, extensionHost())] } : {}),
  });
}

/** Never in the way of a start or a removal: the next run says what fails without the rule. */
export const refreshIcloudOriginRuleQuietly = (): Promise<void> =>
  refreshIcloudOriginRule().catch((error: unknown) => console.warn('Lifeboat: could not set the iCloud Origin rule', error));
