// The icloud.com session as Lifeboat uses it: asked of setup.icloud.com the way icloud.com's
// own pages ask (POST /setup/ws/1/validate with the browser's cookies; pyicloud base.py
// `_validate_token`), which answers the account's dsid and the address of each web service.
// Lifeboat never signs in: no Apple ID password, no two-factor code, no new session.
import type { HttpContext } from '../../http/http-context';
import { clientParams, serviceUrl } from './client-params';
import { expectField, icloudJson, isObject, isString } from './icloud-json';

export type IcloudService = 'contacts' | 'calendar' | 'ckdatabasews';

export interface IcloudSession {
  dsid: string;
  /** Made by Lifeboat for this session, as icloud.com's pages make one (pyicloud base.py). */
  clientId: string;
  /** Each web service's root address; absent when the account has no such service. */
  services: Partial<Record<IcloudService, string>>;
  /** Advanced Data Protection is on (dsInfo.iCDPEnabled or the top-level flag). */
  advancedDataProtection: boolean;
  /** Under ADP, whether the person allows icloud.com to reach their data (HT212520). */
  webAccessAllowed: boolean;
  /** The query parameters every web-service call carries. */
  params: URLSearchParams;
  /** Whose account it is, to name it: dsInfo's full name, else the Apple ID; null when neither is given. */
  owner: string | null;
}

const SERVICES: IcloudService[] = ['contacts', 'calendar', 'ckdatabasews'];

/**
 * Validates the browser's session at `setupUrl` (https://setup.icloud.com/ outside tests).
 * Throws IcloudSignedOutError when the browser is not signed in at icloud.com, and
 * IcloudUnexpectedAnswerError when the answer lacks the account's dsid.
 */
export async function validateSession(ctx: HttpContext, setupUrl: string, clientId: string = crypto.randomUUID()): Promise<IcloudSession> {
  const url = serviceUrl(setupUrl, 'setup/ws/1/validate', clientParams({ clientId }));
  return icloudJson(ctx, { method: 'POST', url, body: null }, (json) => {
    const dsid = String(expectField(json, url, (v): v is string | number => isString(v) || typeof v === 'number', 'dsInfo', 'dsid'));
    const webservices = expectField(json, url, isObject, 'webservices');
    const services: Partial<Record<IcloudService, string>> = {};
    for (const name of SERVICES) {
      const entry = webservices[name];
      if (isObject(entry) && isString(entry.url) && entry.status !== 'inactive') services[name] = entry.url;
    }
    const info = expectField(json, url, isObject, 'dsInfo');
    const top = isObject(json) ? json : {};
    return {
      dsid,
      clientId,
      services,
      advancedDataProtection: info.iCDPEnabled === true || top.iCDPEnabled === true,
      webAccessAllowed: info.isWebAccessAllowed !== false,
      params: clientParams({ clientId, dsid }),
      owner: [info.fullName, info.appleId, info.primaryEmail].find((v): v is string => isString(v) && v.trim() !== '')?.trim() ?? null,
    };
  });
}
