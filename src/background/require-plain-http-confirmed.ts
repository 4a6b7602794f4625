// The worker's half of the plain-http rule (model/plain-http.ts says which addresses count):
// before a password is sent or saved, an address off this machine over plain http needs the
// person's confirmation, or nothing is sent.
import { t } from '../catalog/catalog-text';
import { plainHttpHosts } from '../model/plain-http';

/** The worker's check before a password is sent or saved: no confirmation, no request. */
export function requirePlainHttpConfirmed(params: { urls: Array<string | null | undefined>; confirmed: boolean | undefined }): void {
  const hosts = plainHttpHosts(params.urls);
  if (hosts.length > 0 && params.confirmed !== true) {
    throw new Error(t('errorPlainHttpUnconfirmed', hosts.join(', ')));
  }
}
