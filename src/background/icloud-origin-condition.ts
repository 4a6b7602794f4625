// The iCloud Origin rule itself (background/icloud-origin-rule.ts installs it): which domains
// an account's requests go to, and the declarativeNetRequest rule that sets icloud.com's Origin
// and Referer on the extension's own requests to them. Pure, so a unit test reads it.
import type { DeclarativeNetRequest } from '../shared/browser';
import { ICLOUD_DOMAINS, ICLOUD_WEB_ORIGIN } from '../providers/icloud-web/setup';

/** The rule's id in this extension's session rules (any id no other session rule uses). */
export const ICLOUD_ORIGIN_RULE_ID = 1901;

/** The domains an iCloud account's requests go to, from its setup address. */
export function icloudRequestDomains(serverUrl: string): string[] {
  const host = new URL(serverUrl).hostname.toLowerCase();
  if (host === 'icloud.com.cn' || host.endsWith('.icloud.com.cn')) return ICLOUD_DOMAINS.china;
  if (host === 'icloud.com' || host.endsWith('.icloud.com')) return ICLOUD_DOMAINS.world;
  // A reproduction of the service (tests): its own host, every port.
  return [host];
}

export function icloudOriginRule(requestDomains: string[], extensionHost: string): DeclarativeNetRequest.Rule {
  return {
    id: ICLOUD_ORIGIN_RULE_ID,
    priority: 1,
    action: {
      type: 'modifyHeaders',
      requestHeaders: [
        { header: 'origin', operation: 'set', value: ICLOUD_WEB_ORIGIN },
        { header: 'referer', operation: 'set', value: `${ICLOUD_WEB_ORIGIN}/` },
      ],
    },
    condition: { requestDomains, initiatorDomains: [extensionHost], tabIds: [-1] },
  };
}
