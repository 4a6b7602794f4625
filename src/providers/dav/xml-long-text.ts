// fast-xml-parser reads text one character at a time: about 250 ms per MB on Node 20, so one
// multiget holding a contact with a 10 MB PHOTO kept the worker busy for 2.6 s. Long text nodes
// (and long CDATA sections, which iCloud uses for every item) are cut out before parsing, the
// parser sees a short token in their place, and the text is put back afterwards, decoded the
// way the parser would have decoded it.

export interface LongText {
  raw: string;
  /** CDATA content is literal; other text still holds entity and character references. */
  cdata: boolean;
}

export interface CutXml {
  xml: string;
  texts: LongText[];
}

const CDATA_OPEN = '<![CDATA[';

/**
 * Replaces every text node and CDATA section of at least `minLength` characters with
 * `marker + index + marker`. `marker` must not occur in `xml`. Comments and CDATA are skipped
 * as wholes, so a `<` or `>` inside them is never taken for markup. (A `>` inside an attribute
 * value would be; DAV answers carry no attributes but namespace declarations.)
 */
export function cutLongTexts(xml: string, minLength: number, marker: string): CutXml {
  const texts: LongText[] = [];
  const token = (raw: string, cdata: boolean): string => `${marker}${texts.push({ raw, cdata }) - 1}${marker}`;
  let out = '';
  let copied = 0;
  let pos = xml.indexOf('<');
  while (pos >= 0) {
    if (xml.startsWith(CDATA_OPEN, pos)) {
      const end = xml.indexOf(']]>', pos + CDATA_OPEN.length);
      if (end < 0) break;
      if (end - pos - CDATA_OPEN.length >= minLength) {
        out += xml.slice(copied, pos) + token(xml.slice(pos + CDATA_OPEN.length, end), true);
        copied = end + 3;
      }
      pos = xml.indexOf('<', end + 3);
      continue;
    }
    const comment = xml.startsWith('<!--', pos);
    const closer = comment ? xml.indexOf('-->', pos + 4) + 2 : xml.indexOf('>', pos);
    if (closer <= pos + 1) break;
    const next = xml.indexOf('<', closer + 1);
    const textEnd = next < 0 ? xml.length : next;
    // Whitespace-only runs stay: the parser drops those between elements, a token it would keep.
    if (next >= 0 && textEnd - closer - 1 >= minLength && /\S/.test(xml.slice(closer + 1, textEnd))) {
      out += xml.slice(copied, closer + 1) + token(xml.slice(closer + 1, textEnd), false);
      copied = textEnd;
    }
    pos = next;
  }
  return { xml: copied === 0 ? xml : out + xml.slice(copied), texts };
}

/** Puts the cut texts back into a parsed string value, decoding references in non-CDATA text. */
export function restoreLongTexts(value: string, marker: string, texts: LongText[], decode: (text: string) => string): string {
  if (texts.length === 0 || !value.includes(marker)) return value;
  const pattern = new RegExp(`${marker}(\\d+)${marker}`, 'g');
  return value.replace(pattern, (whole, index: string) => {
    const text = texts[Number(index)];
    if (text === undefined) return whole;
    return text.cdata ? text.raw : decode(text.raw);
  });
}
