// Advanced Data Protection (support.apple.com/HT212520): iCloud Photos are end-to-end encrypted,
// and icloud.com reads them only with "Access iCloud Data on the Web" on, after asking the
// person's device for the photos service's keys. The page asks setup.icloud.com
// requestWebAccessState (isICDRSDisabled true: ADP is on) and then requestPCS for the app, whose
// success sets the X-APPLE-WEBAUTH-PCS-Photos and -Sharing cookies that CloudKit then needs
// (pyicloud base.py `_check_pcs_consent`, `_request_pcs_for_service`; icloud-photos-sync
// icloud.ts `acquirePCSCookies`). The browser keeps those cookies like any other it is sent.
import type { HttpContext } from '../../http/http-context';
import { serviceUrl } from '../icloud-web/client-params';
import { IcloudWebAccessOffError } from '../icloud-web/icloud-errors';
import { icloudJson, isObject } from '../icloud-web/icloud-json';
import type { IcloudSession } from '../icloud-web/web-session';
import { photosAccessPending } from './icloud-photos-errors';

const asObject = (json: unknown): Record<string, unknown> => (isObject(json) ? json : {});

/**
 * Makes CloudKit readable for this session: nothing to do without ADP; with ADP and web access
 * off, IcloudWebAccessOffError before any request; otherwise the PCS cookies asked for once.
 */
export async function openPhotosAccess(ctx: HttpContext, session: IcloudSession): Promise<void> {
  if (!session.advancedDataProtection) return;
  if (!session.webAccessAllowed) throw new IcloudWebAccessOffError();
  const setup = ctx.serverUrl;
  const state = await icloudJson(ctx, { method: 'POST', url: serviceUrl(setup, 'setup/ws/1/requestWebAccessState', session.params) }, asObject);
  if (state.isICDRSDisabled !== true) return;
  const body = { appName: 'photos', derivedFromUserAction: true };
  const pcs = await icloudJson(ctx, { method: 'POST', url: serviceUrl(setup, 'setup/ws/1/requestPCS', session.params), body }, asObject);
  if (pcs.status === 'success') return;
  if (pcs.isWebAccessAllowed === false) throw new IcloudWebAccessOffError();
  // "Requested the device to upload cookies": the device has not answered yet (pyicloud asks again).
  throw photosAccessPending();
}
