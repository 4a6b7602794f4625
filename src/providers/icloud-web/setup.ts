// iCloud contacts and calendars through the person's own icloud.com sign-in in this browser:
// no app password, nothing stored (the browser holds the session's cookies). The account's
// `serverUrl` is the setup address the session is validated at: setup.icloud.com, or
// setup.icloud.com.cn for an Apple ID of mainland China (pyicloud's `china_mainland`). Its form
// is options/icloud-session-form.tsx, its add-account step background/add-icloud.ts. The
// CardDAV/CalDAV route with an app password stays in dav/setup.ts as the exact copy.
import type { ProviderSetup } from '../../model/provider-setup';
import type { MessageKey } from '../../shared/i18n';

export type IcloudRegion = 'world' | 'china';

/** Where icloud.com's own pages validate the session (pyicloud base.py: `setup_endpoint`). */
export const ICLOUD_SETUP_URLS: Record<IcloudRegion, string> = {
  world: 'https://setup.icloud.com/',
  china: 'https://setup.icloud.com.cn/',
};

/**
 * The hosts a session's requests reach: the web services (pNN-contactsws.icloud.com,
 * pNN-ckdatabasews.icloud.com…) and the photo download hosts (cvws.icloud-content.com).
 * Asked for in the click that picks iCloud; the Origin rule is scoped to the same domains.
 */
export const ICLOUD_DOMAINS: Record<IcloudRegion, string[]> = {
  world: ['icloud.com', 'icloud-content.com'],
  china: ['icloud.com.cn', 'icloud-content.com.cn'],
};

export const icloudHostPatterns = (region: IcloudRegion): string[] => ICLOUD_DOMAINS[region].map((domain) => `https://*.${domain}/*`);

/** The origin icloud.com's pages send, which the web services expect (pyicloud base.py, icloudpd). */
export const ICLOUD_WEB_ORIGIN = 'https://www.icloud.com';

export const icloudWebSetup: ProviderSetup<MessageKey> = {
  kind: 'icloud-web',
  mirrors: 'items',
  secret: 'browser-session',
  canRestoreTo: false,
  keepsContactLabels: true,
  choosesCollections: true,
  where: 'none',
};
