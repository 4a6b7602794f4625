// setup.icloud.com/setup/ws/1/…: what icloud.com's pages ask first.
// - POST /setup/ws/1/validate (body "null", pyicloud base.py `_validate_token`) answers the
//   account: `dsInfo` (dsid, names, Apple ID, `hsaVersion`, `isWebAccessAllowed`) and
//   `webservices`, one {url, status} per service, `pcsRequired` on ckdatabasews
//   (the shapes of pyicloud tests/const/const_login.py LOGIN_WORKING and of the validate answer
//   in icloudpd's tests/vcr_cassettes/listing_photos.yml; `isWebAccessAllowed` and
//   `pcsRequired` as icloud-photos-sync network-types.ts reads them).
// - POST /setup/ws/1/requestWebAccessState answers `isICDRSDisabled` (true when Advanced Data
//   Protection is on: pyicloud skips asking for PCS cookies when it is false) and
//   `isDeviceConsentedForPCS` (pyicloud base.py `_check_pcs_consent`, `_request_pcs_for_service`).
// - POST /setup/ws/1/requestPCS {appName, derivedFromUserAction} answers {status, message}
//   and, on success, sets the two PCS cookies (icloud-photos-sync icloud.ts
//   `acquirePCSCookies`; pyicloud base.py `_send_pcs_request`).
import type { IcloudRoute } from './icloud-exchange';
import type { SessionGate } from './session-gate';

export interface AccountOwner {
  dsid: string;
  firstName: string;
  lastName: string;
  appleId: string;
}

export function createSetupRoutes(gate: SessionGate, owner: AccountOwner, serviceUrls: () => Record<'contacts' | 'calendar' | 'ckdatabasews', string>): IcloudRoute {
  const validateAnswer = () => {
    const urls = serviceUrls();
    const adp = gate.adp !== 'off';
    return {
      dsInfo: {
        dsid: owner.dsid,
        firstName: owner.firstName,
        lastName: owner.lastName,
        fullName: `${owner.firstName} ${owner.lastName}`,
        appleId: owner.appleId,
        primaryEmail: owner.appleId,
        languageCode: 'en-us',
        locale: 'en_US',
        countryCode: 'USA',
        hsaVersion: 2,
        hsaEnabled: true,
        iCDPEnabled: adp,
        isWebAccessAllowed: gate.adp !== 'web-access-off',
        isManagedAppleID: false,
        statusCode: 2,
      },
      hasMinimumDeviceForPhotosWeb: true,
      iCDPEnabled: adp,
      pcsEnabled: true,
      webservices: {
        contacts: { url: urls.contacts, status: 'active' },
        calendar: { url: urls.calendar, status: 'active', isMakoAccount: false },
        // pcsRequired is true with and without Advanced Data Protection (pyicloud LOGIN_WORKING
        // and icloudpd's recorded answer have it with iCDPEnabled false): only
        // requestWebAccessState's isICDRSDisabled says whether PCS cookies are needed.
        ckdatabasews: { url: urls.ckdatabasews, status: 'active', pcsRequired: true },
      },
      version: 2,
    };
  };

  return (exchange) => {
    if (exchange.method !== 'POST') return false;
    if (exchange.path === '/setup/ws/1/validate') exchange.json(200, validateAnswer());
    else if (exchange.path === '/setup/ws/1/requestWebAccessState') exchange.json(200, { isICDRSDisabled: gate.adp !== 'off', isDeviceConsentedForPCS: gate.adp === 'web-access-on' });
    else if (exchange.path === '/setup/ws/1/requestPCS') {
      if (gate.adp !== 'web-access-on') return (exchange.json(200, { isWebAccessAllowed: gate.adp === 'off', status: 'failure', message: 'Web access is not allowed' }), true);
      const cookies = gate.grantPcs().map((c) => `${c.name}=${c.value}; Path=/; HttpOnly`);
      exchange.json(200, { isWebAccessAllowed: true, status: 'success', message: 'Cookies attached.' }, { 'Set-Cookie': cookies });
    } else return false;
    return true;
  };
}
