// The text of an element the parser was told not to parse (fast-xml-parser's `stopNodes`): it
// hands back the raw characters between the tags, so what the parser would have done to them is
// done here, once, with string searches instead of its character-by-character walk: CDATA
// sections (iCloud wraps every item in one) are taken literally, and the text around them has
// its entity and character references decoded (XML 1.0 §2.4, §4.6).

const CDATA_OPEN = '<![CDATA[';
const CDATA_CLOSE = ']]>';

export function rawElementText(raw: string, decode: (text: string) => string): string {
  if (!raw.includes('<') && !raw.includes('&')) return raw;
  let out = '';
  let pos = 0;
  for (;;) {
    const open = raw.indexOf(CDATA_OPEN, pos);
    if (open < 0) return out + decode(raw.slice(pos));
    const close = raw.indexOf(CDATA_CLOSE, open + CDATA_OPEN.length);
    // An unclosed section: the parser would have refused the whole answer; keep the rest as is.
    if (close < 0) return out + decode(raw.slice(pos, open)) + raw.slice(open + CDATA_OPEN.length);
    out += decode(raw.slice(pos, open)) + raw.slice(open + CDATA_OPEN.length, close);
    pos = close + CDATA_CLOSE.length;
  }
}
