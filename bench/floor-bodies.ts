// The request bodies of the cheapest-pattern floor: each asks for the least a mirror needs
// (hrefs, ETags, the item's text, the collection's token) and nothing more.
import { XMLNS, type DavKind } from '../src/providers/dav/dav-kind';

export { propfindBody } from './floor-wire';

/**
 * RFC 6578 §3.2 sync-collection. An empty token asks for every member with its ETag (the
 * initial listing: on Radicale 13× cheaper than a PROPFIND Depth 1 of the same collection);
 * a saved token asks only for what changed since. With `data`, each member comes with its text
 * too (§3.2 lets the request name any property): a first mirror in one request per collection.
 */
export function syncCollectionBody(token: string | null, data?: { kind: DavKind; vcard4: boolean }): string {
  const tokenElement = token === null ? '<D:sync-token/>' : `<D:sync-token>${token}</D:sync-token>`;
  return `<?xml version="1.0" encoding="utf-8"?><D:sync-collection ${XMLNS}>${tokenElement}<D:sync-level>1</D:sync-level><D:prop><D:getetag/>${data ? dataElement(data.kind, data.vcard4) : ''}</D:prop></D:sync-collection>`;
}

/** The item text's property (RFC 6352 §10.4 address-data, RFC 4791 §9.6 calendar-data). */
function dataElement(kind: DavKind, vcard4: boolean): string {
  return kind.kind === 'addressbook' && vcard4 ? `<${kind.prefix}:${kind.dataProperty} content-type="text/vcard" version="4.0"/>` : `<${kind.prefix}:${kind.dataProperty}/>`;
}

/**
 * RFC 6352 §8.7 / RFC 4791 §7.9 multiget of `paths`. `vcard4` asks for vCard 4.0 by name
 * (RFC 6352 §10.4.2): Cyrus answers 3.0 otherwise and cuts data: URI photos, so a client that
 * keeps photos must ask the way Lifeboat does.
 */
export function multigetBody(kind: DavKind, paths: string[], vcard4: boolean): string {
  const tag = `${kind.prefix}:${kind.multiget}`;
  const data = dataElement(kind, vcard4);
  const list = paths.map((p) => `<D:href>${p}</D:href>`).join('');
  return `<?xml version="1.0" encoding="utf-8"?><${tag} ${XMLNS}><D:prop><D:getetag/>${data}</D:prop>${list}</${tag}>`;
}
