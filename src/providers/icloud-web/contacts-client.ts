// The contacts web service (webservices.contacts.url) as icloud.com's Contacts page and
// pyicloud's services/contacts.py call it: GET /co/startup answers the prefToken and syncToken
// the listing must carry (the syncToken changes with every change to the address book, so it is
// the address book's ctag); GET /co/contacts with them answers the contacts. pyicloud asks
// limit=0 (everything at once); paging by limit and offset is assumed (test/harness/icloud
// README), so the pages are read tolerantly: an answer longer than the page is everything.
import type { HttpContext } from '../../http/http-context';
import { expectField, icloudJson, isArray, isObject, isString } from './icloud-json';
import { serviceUrl } from './client-params';

/** A web service's root address with the session's client parameters (web-session.ts). */
export interface ServiceAt {
  base: string;
  params: URLSearchParams;
}

export interface ContactsStartup {
  prefToken: string;
  syncToken: string;
}

/** Contacts asked for at once; a bigger address book is read in pages of this many. */
export const CONTACTS_PAGE = 500;

const QUERY = { locale: 'en_US', order: 'last,first', includePhoneNumbers: 'true', includePhotos: 'true' };

function contactsUrl(service: ServiceAt, path: string, extra: Record<string, string> = {}): string {
  return serviceUrl(service.base, path, service.params, { ...QUERY, ...extra });
}

export async function contactsStartup(ctx: HttpContext, service: ServiceAt): Promise<ContactsStartup> {
  const url = contactsUrl(service, 'co/startup');
  return icloudJson(ctx, { method: 'GET', url }, (json) => ({
    prefToken: String(expectField(json, url, (v): v is string | number => isString(v) || typeof v === 'number', 'prefToken')),
    syncToken: expectField(json, url, isString, 'syncToken'),
  }));
}

/** Every contact of the address book, as the service's JSON. */
export async function listContacts(ctx: HttpContext, service: ServiceAt, startup: ContactsStartup, page = CONTACTS_PAGE): Promise<Array<Record<string, unknown>>> {
  const all: Array<Record<string, unknown>> = [];
  const seen = new Set<string>();
  for (let offset = 0; ; offset += page) {
    const url = contactsUrl(service, 'co/contacts', { ...startup, limit: String(page), offset: String(offset) });
    const contacts = await icloudJson(ctx, { method: 'GET', url }, (json) => expectField(json, url, isArray, 'contacts'));
    const fresh = contacts.filter(isObject).filter((c) => typeof c.contactId !== 'string' || !seen.has(c.contactId));
    for (const contact of fresh) if (typeof contact.contactId === 'string') seen.add(contact.contactId);
    all.push(...fresh);
    // A short page is the last; a longer one means the service ignored the limit and sent
    // everything; a page of nothing new means it ignored the offset.
    if (contacts.length !== page || fresh.length === 0) return all;
  }
}
