// vCard 4.0 → 3.0, line by line, for importers that read only 3.0 (RFC 6350 Appendix A lists
// the differences). Nothing is dropped: what 3.0 cannot say is kept where vcard3-to-4.ts finds
// it again. What changes, and nothing else:
//   VERSION:4.0                         → VERSION:3.0
//   TEL:tel:+1-555;ext=5                → TEL;X-TEL-URI="tel:+1-555;ext=5":+1-555 ext. 5
//                                         (RFC 2426 §3.3.1: a phone number; the URI kept aside)
//   PHOTO/LOGO/SOUND/KEY:data:…;base64,  → ;ENCODING=b;TYPE=JPEG:…    (RFC 2426 §3.1.4), the
//                                         same base64, also when the URI was TEXT-escaped
//   PHOTO:https://…                     → PHOTO;VALUE=uri:https://…
//   KIND, MEMBER                        → X-ADDRESSBOOKSERVER-KIND/-MEMBER (Apple's 3.0 groups)
//   other 4.0-only properties (GENDER…) → X-GENDER… (RFC 2426 §4 x-name: kept, ignorable)
//   X-LABEL, X-CLASS… (3.0-only names a 3.0 → 4.0 export kept as x-names) → LABEL, CLASS…
//   GEO:geo:48.2,16.3                   → GEO:48.2;16.3              (RFC 2426 §3.4.2)
//   BDAY/ANNIVERSARY/REV 19850412, --0412 → 1985-04-12, --04-12      (ISO 8601 extended)
//   BDAY;X-APPLE-OMIT-YEAR=1604:--0412  → …:1604-04-12 (how Apple writes a year-less 3.0 date)
//   PREF=1                              → TYPE=pref (other PREF values are kept as they are)
//   TYPE="work,voice"                   → TYPE=work,voice (the same list, RFC 6350 §5.6)
//   ADR;LABEL="…"                       → the same ADR, then a LABEL line in its group
// Other parameters (PID, ALTID, SORT-AS, …) are kept: 3.0 readers ignore unknown ones.
import type { CardParam, ContentLine } from '../cards/content-line';
import { paramValues, withoutParams } from '../cards/content-line';
import type { LineRewrite } from '../cards/rewrite-card';
import { escapeText } from '../cards/text-values';
import { TEL_URI_PARAM, telToText } from '../cards/tel-text';
import { extendedDate } from './vcard-dates';
import { BINARY_PROPERTIES, parseDataUri, unescapeUri, v3TypeOf } from '../cards/vcard-media';
import { renameFor, V3_ONLY, V4_ONLY, V4_TO_V3_NAMES } from './vcard-names';

function v3Params(params: readonly CardParam[]): { params: readonly CardParam[]; changed: boolean } {
  // Most lines have no PREF and no quoted TYPE list: leave their parameters alone (and unsorted).
  let types: string[] | null = null;
  let changed = false;
  const out: CardParam[] = [];
  for (const p of params) {
    const upper = p.name.length === 4 ? p.name.toUpperCase() : '';
    if (upper === 'PREF' && p.values?.length === 1 && p.values[0]?.trim() === '1') {
      (types ??= []).push('pref');
      changed = true;
    } else if (upper === 'TYPE' && p.values !== null) {
      types ??= [];
      for (const v of p.values) {
        // Split only into plain tokens: a piece that would need quotes again (":" or ";")
        // stays inside its quoted value, which 3.0 readers such as ical.js read as written.
        if (v.includes(',') && !/[;:"]/.test(v)) {
          types.push(...v.split(','));
          changed = true;
        } else types.push(v);
      }
    } else out.push(p);
  }
  if (!changed) return { params, changed };
  if (types !== null && types.length > 0) out.unshift({ name: 'TYPE', values: types });
  return { params: out, changed };
}

function convertTel(line: ContentLine): ContentLine {
  if (!/^\s*tel:/i.test(line.value)) return line;
  const rest = withoutParams(line, 'VALUE');
  const params = [...rest.params, { name: TEL_URI_PARAM, values: [line.value] }];
  // A phone number is not TEXT (RFC 2426 §3.3.1): no escaping, a "," (a pause) stays bare.
  // Radicale (vobject) and Cyrus serve "tel:+1-555\;ext=5", a URI escaped as TEXT: read
  // unescaped, or the number would end in a backslash; the parameter keeps it as served.
  return { ...rest, params, value: telToText(unescapeUri(line.value)).replace(/[\r\n]/g, '') };
}

function convertBinary(line: ContentLine): ContentLine {
  const data = parseDataUri(line.value);
  if (data !== null) {
    const rest = withoutParams(line, 'VALUE', 'MEDIATYPE', 'TYPE', 'ENCODING');
    const type = v3TypeOf(line.upperName, data.mediaType);
    const params = [...rest.params, { name: 'ENCODING', values: ['b'] }];
    if (type !== null) params.push({ name: 'TYPE', values: [type] });
    return { ...rest, params, value: data.base64 };
  }
  const isUri = /^[a-z][a-z0-9+.-]*:/i.test(line.value);
  if (isUri && paramValues(line, 'VALUE').length === 0) {
    return { ...line, params: [...line.params, { name: 'VALUE', values: ['uri'] }] };
  }
  return line;
}

function convertDate(line: ContentLine): ContentLine {
  // Apple's year-less birthday: vcard3-to-4.ts wrote "--MMDD" and kept the year it stood for.
  const omit = line.upperName === 'BDAY' ? paramValues(line, 'X-APPLE-OMIT-YEAR')[0] : undefined;
  const m = /^--(\d{2})(\d{2})$/.exec(line.value.trim());
  if (omit !== undefined && /^\d{4}$/.test(omit) && m !== null) return { ...line, value: `${omit}-${m[1]}-${m[2]}` };
  return { ...line, value: extendedDate(line.value) };
}

function convertValue(line: ContentLine): ContentLine {
  const name = line.upperName;
  if (name === 'TEL') return convertTel(line);
  if (BINARY_PROPERTIES.has(name)) return convertBinary(line);
  if (name === 'GEO') {
    // Only the plain "geo:lat,lon" has a 3.0 form; a geo URI with more (altitude, u=) stays.
    const geo = /^\s*geo:(-?[\d.]+),(-?[\d.]+)\s*$/i.exec(unescapeUri(line.value));
    if (geo !== null) return { ...withoutParams(line, 'VALUE'), value: `${geo[1]};${geo[2]}` };
  }
  if (name === 'BDAY' || name === 'ANNIVERSARY' || name === 'REV' || name === 'DEATHDATE') return convertDate(line);
  return line;
}

/** ADR;LABEL="…" (RFC 6350 §6.3.1) → the LABEL line 3.0 has for it (RFC 2426 §3.2.2). */
function labelLine(adr: ContentLine): ContentLine | null {
  const label = paramValues(adr, 'LABEL');
  if (label.length === 0) return null;
  // The label is the address's: it shares its group and TYPE, nothing else. Carets were
  // decoded when the parameter was read (RFC 6868); the value is TEXT, escaped as such.
  const params = adr.params.filter((p) => p.name.toUpperCase() === 'TYPE');
  return { ...adr, name: 'LABEL', upperName: 'LABEL', params, value: escapeText(label.join(',')) };
}

const rename = (name: string): string | null =>
  renameFor({ name, vendor: V4_TO_V3_NAMES, only: V4_ONLY, back: V3_ONLY });

// Properties whose value or name can change; any other line without parameters is left alone
// without looking further (most lines of a card, at 10,000 cards an export).
const CONVERTED = new Set(['TEL', 'GEO', 'BDAY', 'ANNIVERSARY', 'REV', 'DEATHDATE', 'ADR', ...BINARY_PROPERTIES,
  ...Object.keys(V4_TO_V3_NAMES), ...V4_ONLY]);

export const vcard4To3: LineRewrite = (line) => {
  if (line.upperName === 'BEGIN' || line.upperName === 'END') return null;
  if (line.upperName === 'VERSION') return [{ ...line, value: '3.0' }];
  if (line.params.length === 0 && !CONVERTED.has(line.upperName) && !line.upperName.startsWith('X-')) return null;
  const renamed = rename(line.name);
  const { params, changed } = v3Params(line.params);
  let out = convertValue({ ...line, params });
  if (renamed !== null) out = { ...out, name: renamed, upperName: renamed.toUpperCase() };
  const label = out.upperName === 'ADR' ? labelLine(out) : null;
  const same = !changed && label === null && out.value === line.value && out.name === line.name &&
    out.params.length === line.params.length;
  if (same) return null;
  return label === null ? [out] : [out, label];
};
