// fast-xml-parser reads text one character at a time: about 250 ms per MB on Node 20, so one
// multiget holding a contact with a 10 MB PHOTO kept the worker busy for 2.6 s. Long text nodes
// (and long CDATA sections, which iCloud uses for every item) are cut out before parsing, the
// parser sees a short token in their place, and the text is put back afterwards, decoded the
// way the parser would have decoded it.
//
// The content of an item-text element (address-data, calendar-data) is cut out whatever its
// length. It is an item's text, never markup, and it is most of an answer: cut out, it never
// goes through the copies parsing makes of the whole answer (its CRs swapped for a placeholder
// and back, line by line), so a 1 MB answer costs about one copy of itself in the worker's heap
// rather than four, and each item's text is read straight from the answer as served.
import { rawElementText } from './raw-element-text';

export interface LongText {
  raw: string;
  /** CDATA content is literal; other text still holds entity and character references. */
  cdata: boolean;
  /** The whole content of an item-text element: CDATA sections and references, as raw-element-text.ts reads them. */
  element?: true;
}

export interface CutXml {
  xml: string;
  texts: LongText[];
}

const CDATA_OPEN = '<![CDATA[';

/** A start tag's name and whether it closes itself: `<C:address-data a="b">` → `C:address-data`. */
function startTag(xml: string, pos: number, closer: number): { name: string; empty: boolean } | undefined {
  const first = xml.charCodeAt(pos + 1);
  // `</`, `<?` and `<!` open no element.
  if (first === 47 || first === 63 || first === 33) return undefined;
  const name = /^[^\s/>]+/.exec(xml.slice(pos + 1, closer))?.[0];
  return name === undefined ? undefined : { name, empty: xml.charCodeAt(closer - 1) === 47 };
}

const localName = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Where the content of the element `name` opened just before `from` ends: the `<` of its end
 * tag, found as the parser finds it (comments, CDATA and processing instructions skipped, an
 * inner element of the same name counted); -1 when it never ends.
 */
function elementEnd(xml: string, name: string, from: number): number {
  let open = 1;
  let pos = xml.indexOf('<', from);
  while (pos >= 0) {
    let after: number;
    if (xml.startsWith(CDATA_OPEN, pos)) after = xml.indexOf(']]>', pos) + 3;
    else if (xml.startsWith('<!--', pos)) after = xml.indexOf('-->', pos + 4) + 3;
    else if (xml.startsWith('<?', pos)) after = xml.indexOf('?>', pos + 2) + 2;
    else {
      const closer = xml.indexOf('>', pos);
      if (closer < 0) return -1;
      if (xml.charCodeAt(pos + 1) === 47) {
        if (xml.slice(pos + 2, closer).trim() === name && --open === 0) return pos;
      } else {
        const tag = startTag(xml, pos, closer);
        if (tag?.name === name && !tag.empty) open++;
      }
      after = closer + 1;
    }
    if (after < 3) return -1;
    pos = xml.indexOf('<', after);
  }
  return -1;
}

/**
 * Replaces every text node and CDATA section of at least `minLength` characters, and the whole
 * content of each element named in `itemElements` (by local name), with
 * `marker + index + marker`. `marker` must not occur in `xml`. Comments and CDATA are skipped
 * as wholes, so a `<` or `>` inside them is never taken for markup. (A `>` inside an attribute
 * value would be; DAV answers carry no attributes but namespace declarations.)
 */
export function cutLongTexts(xml: string, minLength: number, marker: string, itemElements: ReadonlySet<string> = new Set()): CutXml {
  const texts: LongText[] = [];
  const token = (text: LongText): string => `${marker}${texts.push(text) - 1}${marker}`;
  let out = '';
  let copied = 0;
  let pos = xml.indexOf('<');
  while (pos >= 0) {
    if (xml.startsWith(CDATA_OPEN, pos)) {
      const end = xml.indexOf(']]>', pos + CDATA_OPEN.length);
      if (end < 0) break;
      if (end - pos - CDATA_OPEN.length >= minLength) {
        out += xml.slice(copied, pos) + token({ raw: xml.slice(pos + CDATA_OPEN.length, end), cdata: true });
        copied = end + 3;
      }
      pos = xml.indexOf('<', end + 3);
      continue;
    }
    const comment = xml.startsWith('<!--', pos);
    const closer = comment ? xml.indexOf('-->', pos + 4) + 2 : xml.indexOf('>', pos);
    if (closer <= pos + 1) break;
    const tag = comment || itemElements.size === 0 ? undefined : startTag(xml, pos, closer);
    if (tag && !tag.empty && itemElements.has(localName(tag.name))) {
      const end = elementEnd(xml, tag.name, closer + 1);
      // Never closed: left to the parser, which refuses the answer as it would have.
      if (end < 0) break;
      if (end > closer + 1) {
        out += xml.slice(copied, closer + 1) + token({ raw: xml.slice(closer + 1, end), cdata: false, element: true });
        copied = end;
      }
      pos = end;
      continue;
    }
    const next = xml.indexOf('<', closer + 1);
    const textEnd = next < 0 ? xml.length : next;
    // Whitespace-only runs stay: the parser drops those between elements, a token it would keep.
    if (next >= 0 && textEnd - closer - 1 >= minLength && /\S/.test(xml.slice(closer + 1, textEnd))) {
      out += xml.slice(copied, closer + 1) + token({ raw: xml.slice(closer + 1, textEnd), cdata: false });
      copied = textEnd;
    }
    pos = next;
  }
  return { xml: copied === 0 ? xml : out + xml.slice(copied), texts };
}

/** Puts the cut texts back into a parsed string value, decoding references in non-CDATA text. */
export function restoreLongTexts(value: string, marker: string, texts: LongText[], decode: (text: string) => string): string {
  if (texts.length === 0 || !value.includes(marker)) return value;
  // A value that is one token (an item's text) is its text itself: replace() would copy it.
  const whole = new RegExp(`^${marker}(\\d+)${marker}$`).exec(value);
  if (whole) return restoreOne(texts[Number(whole[1])], decode) ?? value;
  const pattern = new RegExp(`${marker}(\\d+)${marker}`, 'g');
  return value.replace(pattern, (token, index: string) => restoreOne(texts[Number(index)], decode) ?? token);
}

function restoreOne(text: LongText | undefined, decode: (text: string) => string): string | undefined {
  if (text === undefined) return undefined;
  if (text.element) return rawElementText(text.raw, decode);
  return text.cdata ? text.raw : decode(text.raw);
}
