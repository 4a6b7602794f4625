// What differs between CardDAV (RFC 6352) and CalDAV (RFC 4791): names, namespaces, media types.
import type { CollectionKind } from '../../model/source';

export interface DavKind {
  kind: CollectionKind;
  /** Namespace URI and the prefix request bodies use for it. */
  namespace: string;
  prefix: string;
  /** RFC 6352 §7.1.1 addressbook-home-set / RFC 4791 §6.2.1 calendar-home-set. */
  homeSet: string;
  /** The resourcetype child that marks a collection of this kind. */
  resourceType: string;
  /** RFC 6352 §8.7 / RFC 4791 §7.9. */
  multiget: string;
  /** The property that carries an item's text. */
  dataProperty: string;
  /** RFC 6764 §5. */
  wellKnown: string;
  /** Media types of members worth mirroring (RFC 6350 §10.1, RFC 5545 §8.1). */
  mediaTypes: string[];
  /** For messages. */
  noun: string;
}

const ADDRESSBOOK: DavKind = {
  kind: 'addressbook',
  namespace: 'urn:ietf:params:xml:ns:carddav',
  prefix: 'CARD',
  homeSet: 'addressbook-home-set',
  resourceType: 'addressbook',
  multiget: 'addressbook-multiget',
  dataProperty: 'address-data',
  wellKnown: '/.well-known/carddav',
  // text/x-vcard and text/directory are what older servers still label vCards with.
  mediaTypes: ['text/vcard', 'text/x-vcard', 'text/directory'],
  noun: 'address book',
};

const CALENDAR: DavKind = {
  kind: 'calendar',
  namespace: 'urn:ietf:params:xml:ns:caldav',
  prefix: 'CAL',
  homeSet: 'calendar-home-set',
  resourceType: 'calendar',
  multiget: 'calendar-multiget',
  dataProperty: 'calendar-data',
  wellKnown: '/.well-known/caldav',
  mediaTypes: ['text/calendar'],
  noun: 'calendar',
};

export function davKind(kind: CollectionKind): DavKind {
  return kind === 'addressbook' ? ADDRESSBOOK : CALENDAR;
}

/** Namespace declarations every request body carries, so any property can be named. */
export const XMLNS =
  'xmlns:D="DAV:" xmlns:CARD="urn:ietf:params:xml:ns:carddav" ' +
  'xmlns:CAL="urn:ietf:params:xml:ns:caldav" xmlns:CS="http://calendarserver.org/ns/"';

/** Whether a member's getcontenttype (when the server gives one) is an item of this kind. */
export function isItemMediaType(kind: DavKind, contentType: string | undefined): boolean {
  if (contentType === undefined) return true;
  const mediaType = contentType.split(';')[0]?.trim().toLowerCase() ?? '';
  return kind.mediaTypes.includes(mediaType);
}
