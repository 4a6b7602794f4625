// The contacts web service (webservices.contacts.url), as pyicloud's services/contacts.py calls
// it:
// - GET /co/startup with the client parameters (clientBuildNumber, clientMasteringNumber,
//   clientId, dsid) and locale, order, includePhoneNumbers, includePhotos answers `prefToken`
//   and `syncToken` (all pyicloud reads of it) and the groups;
// - GET /co/contacts with the same parameters plus that prefToken and syncToken, `limit` and
//   `offset`, answers `contacts`. pyicloud asks limit=0, offset=0 and gets every contact; a
//   limit above 0 pages from the offset (an assumption: no project pages).
// - A contact is the service's JSON: contactId, etag, firstName, lastName, phones and emails as
//   [{field, label}], photo … (pyicloud cli/normalize.py and services/contacts.py `MeCard`).
// The dsid must be the account's and clientId present (the reproduction answers 400 otherwise,
// an assumption; every client sends both, pyicloud base.py `params`).
import type { IcloudExchange, IcloudRoute } from './icloud-exchange';

export type IcloudContact = { contactId: string; etag?: string } & Record<string, unknown>;

export interface ContactsApi {
  putContact(contact: IcloudContact): void;
  removeContact(contactId: string): void;
}

export function hasClientParams(exchange: IcloudExchange, dsid: string): boolean {
  if (exchange.query.get('dsid') === dsid && exchange.query.get('clientId')) return false;
  exchange.json(400, { success: false, reason: 'Missing or wrong dsid or clientId' });
  return true;
}

export function createContactsRoutes(dsid: string): { route: IcloudRoute; api: ContactsApi } {
  const contacts = new Map<string, IcloudContact>();
  let version = 1;
  const syncToken = () => `HwoECAQQARIGCgQIBBAB${version}`;
  const prefToken = '914266312';

  const route: IcloudRoute = (exchange) => {
    if (exchange.method !== 'GET' || !['/co/startup', '/co/contacts'].includes(exchange.path)) return false;
    if (hasClientParams(exchange, dsid)) return true;
    if (exchange.path === '/co/startup') {
      exchange.json(200, { prefToken, syncToken: syncToken(), groups: [], meCardId: null });
      return true;
    }
    if (exchange.query.get('prefToken') !== prefToken || !exchange.query.get('syncToken')) {
      exchange.json(400, { success: false, reason: 'Missing prefToken or syncToken' });
      return true;
    }
    const all = [...contacts.values()];
    const offset = Number(exchange.query.get('offset') ?? 0);
    const limit = Number(exchange.query.get('limit') ?? 0);
    exchange.json(200, { contacts: limit > 0 ? all.slice(offset, offset + limit) : all.slice(offset), prefToken, syncToken: syncToken() });
    return true;
  };

  return {
    route,
    api: {
      putContact(contact) {
        version++;
        contacts.set(contact.contactId, { ...contact, etag: `C=${version}@U=${contact.contactId}` });
      },
      removeContact(contactId) {
        version++;
        contacts.delete(contactId);
      },
    },
  };
}
