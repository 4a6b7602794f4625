// Which vCard version to ask a CardDAV server for. RFC 6352 §10.4.2: address-data without
// `content-type`/`version` means "what the server defaults to", and a server may convert on the
// way out. Cyrus IMAP stores the vCard as it was PUT but serves 3.0 by default, and its 4.0→3.0
// conversion drops a PHOTO held as a data: URI. So where the address book lists vCard 4.0 in
// CARDDAV:supported-address-data (§6.2.2, read by the listing PROPFIND each run already, at no
// extra request), the mirror asks for 4.0; without the property it asks as before.
import type { DavEntry } from './dav-multistatus';
import { attributeOf, children, type XmlValue } from './dav-xml';

/** The only version asked for by name; any other answer keeps the server's default. */
export type VcardVersion = '4.0';

/** Whether `supported-address-data` (a DavEntry prop) lists text/vcard version 4.0. */
export function offersVcard4(value: XmlValue | XmlValue[] | undefined): boolean {
  const nodes = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return nodes.some((node) =>
    children(node, 'address-data-type').some((type) => {
      // §10.4.2: content-type defaults to text/vcard and version to 3.0 when left out.
      const contentType = (attributeOf(type, 'content-type') ?? 'text/vcard').split(';')[0]?.trim().toLowerCase();
      return contentType === 'text/vcard' && attributeOf(type, 'version')?.trim() === '4.0';
    }),
  );
}

/** The vCard version an address book entry says it can serve, when it is one to ask for. */
export function vcardVersionOf(entry: DavEntry): VcardVersion | undefined {
  return offersVcard4(entry.props['supported-address-data']) ? '4.0' : undefined;
}

/** The address-data element of a REPORT's prop (RFC 6352 §10.4), asking for `version` if set. */
export function addressDataElement(prefix: string, version: VcardVersion | undefined): string {
  if (version === undefined) return `<${prefix}:address-data/>`;
  return `<${prefix}:address-data content-type="text/vcard" version="${version}"/>`;
}
