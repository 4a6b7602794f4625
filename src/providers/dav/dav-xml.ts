// XML in and out without a DOM: an extension service worker has no DOMParser (it is a Window
// API), so responses are read with fast-xml-parser, which is plain JavaScript.
import { XMLParser } from 'fast-xml-parser';
import { cutLongTexts, restoreLongTexts } from './xml-long-text';
import { rawElementText } from './raw-element-text';
import { t } from '../../catalog/catalog-text';

/** An element: its children by local name, and `#text` for text mixed with children. */
export interface XmlElement {
  [name: string]: XmlValue | XmlValue[];
}
/** A leaf element is its text; an element with children is an object. */
export type XmlValue = string | XmlElement;

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * XML 1.0's five entities and character references, decoded in one pass (so `&amp;lt;` stays
 * `&lt;`). Entities a DOCTYPE would declare are never expanded: DAV never needs them, and
 * refusing them rules out entity-expansion attacks from a hostile server.
 */
const entityDecoder = {
  decode: (text: string): string =>
    text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name.startsWith('#')) {
        const hex = name[1] === 'x' || name[1] === 'X';
        const code = Number.parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
      }
      return XML_ENTITIES[name] ?? whole;
    }),
  setExternalEntities: (): void => undefined,
  addInputEntities: (): void => undefined,
  reset: (): void => undefined,
  setXmlVersion: (): void => undefined,
};

/**
 * Attributes are dropped, except the two that RFC 6352 §6.2.2 puts on CARDDAV:address-data-type
 * (`content-type`, `version`): they are the only way a server says which vCard versions it can
 * serve. Kept there only, so no other element changes shape (a leaf stays its text).
 */
const ADDRESS_DATA_TYPE = /(?:^|[.:])address-data-type$/;
function ignoreAttribute(name: string, path: unknown): boolean {
  if (name !== 'content-type' && name !== 'version') return true;
  return !ADDRESS_DATA_TYPE.test(String(path));
}

/** What an element kept of its attributes (see ignoreAttribute). */
export function attributeOf(node: XmlValue | undefined, name: 'content-type' | 'version'): string | undefined {
  if (node === undefined || typeof node === 'string') return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Elements whose content is an item's text, never XML (RFC 6352 §10.4, RFC 4791 §9.6): the
 * parser skips to their end tag instead of reading them as markup, and rawElementText decodes
 * them afterwards. Half the parse time of a multiget answer was spent inside them.
 */
const ITEM_TEXT_ELEMENTS = new Set(['address-data', 'calendar-data']);

const OPTIONS = {
  stopNodes: [...ITEM_TEXT_ELEMENTS].map((name) => `*.${name}`),
  // Prefixes differ by server (`D:`, `d:`, `ns0:`, a default namespace, per-element xmlns on
  // iCloud), so elements are matched by local name. Safe here because the names this client
  // reads (DAV:, CardDAV, CalDAV, CalendarServer getctag) do not collide across those namespaces.
  removeNSPrefix: true,
  ignoreAttributes: ignoreAttribute,
  attributeNamePrefix: '@_',
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Item text must come back exactly as served: no trimming, no "0123" → 123, no
  // entity decoding beyond XML's own.
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
  entityDecoder,
} as const;

const parser = new XMLParser(OPTIONS);

/**
 * The same without attributes, for answers that cannot hold CARDDAV:address-data-type (every
 * multiget and sync-collection answer): fast-xml-parser builds the element's path as a string
 * to ask ignoreAttribute about each attribute, namespace declarations included.
 */
const parserWithoutAttributes = new XMLParser({ ...OPTIONS, ignoreAttributes: true });

/** `count` distinct characters absent from `text`, to stand in for CR and cut-out text. */
function freeCharacters(text: string, count: number): string[] {
  const found: string[] = [];
  for (let code = 0xf8ff; code >= 0xe000 && found.length < count; code--) {
    const candidate = String.fromCharCode(code);
    if (!text.includes(candidate)) found.push(candidate);
  }
  if (found.length < count) throw new Error(t('errorNoPlaceholder'));
  return found;
}

/**
 * Applies `fix` to every string of the parsed tree, in place (the tree is the parser's own, not
 * shared), and first decodes the raw text of the item-text elements (see ITEM_TEXT_ELEMENTS).
 */
function restore(value: unknown, fix: (text: string) => string, raw = false): unknown {
  if (typeof value === 'string') return fix(raw ? rawElementText(value, entityDecoder.decode) : value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = restore(value[i], fix, raw);
    return value;
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) record[key] = restore(record[key], fix, raw || ITEM_TEXT_ELEMENTS.has(key));
    return record;
  }
  return value;
}

/** Text nodes this long are kept away from the parser (see xml-long-text.ts). */
const LONG_TEXT = 16 * 1024;

/**
 * Parses a response body. vCard and iCalendar lines end in CRLF (RFC 6350 §3.2, RFC 5545 §3.1),
 * and servers write those CRs raw; an XML parser must turn CRLF into LF (XML 1.0 §2.11), which
 * would change every item. So raw CRs are swapped for a placeholder before parsing and put back
 * after (escaped `&#13;` decodes to CR anyway, CDATA included). Long texts and the items' texts
 * are cut out first and put back last, untouched by either step (`cutItemTexts` false: only long
 * ones, for tests that compare with the parser's own reading).
 */
export function parseXml(text: string, longText = LONG_TEXT, cutItemTexts = true): XmlElement {
  const [cr = '', marker = ''] = freeCharacters(text, 2);
  const cut = cutLongTexts(text, longText, marker, cutItemTexts ? ITEM_TEXT_ELEMENTS : undefined);
  const chosen = cut.xml.includes('address-data-type') ? parser : parserWithoutAttributes;
  const parsed: unknown = chosen.parse(cut.xml.split('\r').join(cr));
  const root = restore(parsed, (value) =>
    restoreLongTexts(value.split(cr).join('\r'), marker, cut.texts, entityDecoder.decode),
  );
  if (root === null || typeof root !== 'object' || Array.isArray(root)) return {};
  return root as XmlElement;
}

/** The children named `name` (fast-xml-parser gives one child as a value, several as an array). */
export function children(node: XmlValue | undefined, name: string): XmlValue[] {
  if (node === undefined || typeof node === 'string') return [];
  const value = node[name];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export function child(node: XmlValue | undefined, name: string): XmlValue | undefined {
  return children(node, name)[0];
}

/** Text content of an element, exactly as parsed (mixed content: the `#text` part). */
export function textOf(node: XmlValue | undefined): string {
  if (node === undefined) return '';
  if (typeof node === 'string') return node;
  const text = node['#text'];
  return typeof text === 'string' ? text : '';
}

/** Whether an element named `name` appears anywhere below `node`. */
export function containsElement(node: XmlValue | XmlValue[] | undefined, name: string): boolean {
  if (Array.isArray(node)) return node.some((n) => containsElement(n, name));
  if (node === undefined || typeof node === 'string') return false;
  return Object.entries(node).some(([key, value]) => {
    return key === name || containsElement(value, name);
  });
}

/** Escapes text for an XML body (hrefs and sync tokens may hold `&`). */
export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
