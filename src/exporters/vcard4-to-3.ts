// vCard 4.0 → 3.0, line by line, for importers that read only 3.0 (RFC 6350 Appendix A lists
// the differences). What changes, and nothing else:
//   VERSION:4.0                         → VERSION:3.0
//   TEL:tel:+1-555;ext=5                → TEL:+1-555 ext. 5          (RFC 2426 §3.3.1)
//   PHOTO/LOGO/SOUND/KEY:data:…;base64,  → ;ENCODING=b;TYPE=JPEG:…    (RFC 2426 §3.1.4)
//   PHOTO:https://…                     → PHOTO;VALUE=uri:https://…
//   KIND, MEMBER                        → X-ADDRESSBOOKSERVER-KIND/-MEMBER (Apple's 3.0 groups)
//   other 4.0-only properties (GENDER…) → X-GENDER… (RFC 2426 §4 x-name: kept, ignorable)
//   GEO:geo:48.2,16.3                   → GEO:48.2;16.3              (RFC 2426 §3.4.2)
//   BDAY/ANNIVERSARY 19850412, --0412   → 1985-04-12, --04-12        (ISO 8601 extended)
//   PREF=1                              → TYPE=pref (other PREF values are dropped)
//   TYPE="work,voice"                   → TYPE=work,voice
//   ADR;LABEL="…"                       → ADR + a LABEL line in the same group
// Other parameters (PID, ALTID, SORT-AS, …) are kept: 3.0 readers ignore unknown ones.
import type { CardParam, ContentLine } from '../cards/content-line';
import { paramValues, withoutParams } from '../cards/content-line';
import type { LineRewrite } from '../cards/rewrite-card';
import { telToText } from '../cards/tel-text';
import { BINARY_PROPERTIES, parseDataUri, v3TypeOf } from './vcard-media';

const RENAMED: Record<string, string> = { KIND: 'X-ADDRESSBOOKSERVER-KIND', MEMBER: 'X-ADDRESSBOOKSERVER-MEMBER' };
// RFC 6350 §6, RFC 6474, RFC 6715, RFC 9554: defined for 4.0 only.
const V4_ONLY = new Set([
  'ANNIVERSARY', 'GENDER', 'LANG', 'XML', 'CLIENTPIDMAP', 'RELATED', 'BIRTHPLACE', 'DEATHPLACE',
  'DEATHDATE', 'EXPERTISE', 'HOBBY', 'INTEREST', 'ORG-DIRECTORY', 'CONTACT-URI', 'CREATED',
  'GRAMGENDER', 'LANGUAGE', 'PRONOUNS', 'SOCIALPROFILE',
]);

/** RFC 6868 caret escapes in a 4.0 parameter value → the characters they stand for. */
function caretDecode(value: string): string {
  return value.replace(/\^(['n^])/g, (_m, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^'));
}

function v3Params(params: readonly CardParam[]): { params: readonly CardParam[]; changed: boolean } {
  // Most lines have no PREF and no quoted TYPE list: leave their parameters alone (and unsorted).
  let types: string[] | null = null;
  let changed = false;
  const out: CardParam[] = [];
  for (const p of params) {
    const upper = p.name.length === 4 ? p.name.toUpperCase() : '';
    if (upper === 'PREF') {
      types ??= [];
      if (p.values?.[0]?.trim() === '1') types.push('pref');
      changed = true;
    } else if (upper === 'TYPE' && p.values !== null) {
      types ??= [];
      for (const v of p.values) {
        if (v.includes(',')) {
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

/** 4.0 basic-format dates → extended format, which RFC 2426 §3.1.5 (BDAY) shows. */
function extendedDate(value: string): string {
  const m = /^(\d{4}|--)(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(value.trim());
  if (m === null) return value;
  const [, year, month, day, hh, mm, ss, zone] = m;
  const date = year === '--' ? `--${month}-${day}` : `${year}-${month}-${day}`;
  const offset = (zone ?? '').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return hh === undefined ? date : `${date}T${hh}:${mm}:${ss ?? '00'}${offset}`;
}

function convertValue(line: ContentLine): ContentLine {
  const name = line.upperName;
  if (name === 'TEL' && /^\s*tel:/i.test(line.value)) {
    return { ...withoutParams(line, 'VALUE'), value: telToText(line.value) };
  }
  if (BINARY_PROPERTIES.has(name)) {
    const data = parseDataUri(line.value);
    if (data !== null) {
      const rest = withoutParams(line, 'VALUE', 'MEDIATYPE', 'TYPE', 'ENCODING');
      const params = [...rest.params, { name: 'ENCODING', values: ['b'] }, { name: 'TYPE', values: [v3TypeOf(data.mediaType)] }];
      return { ...rest, params, value: data.base64 };
    }
    const isUri = /^[a-z][a-z0-9+.-]*:/i.test(line.value);
    if (isUri && paramValues(line, 'VALUE').length === 0) {
      return { ...line, params: [...line.params, { name: 'VALUE', values: ['uri'] }] };
    }
  }
  if (name === 'GEO') {
    const geo = /^\s*geo:([^,;]+),([^,;]+)/i.exec(line.value);
    if (geo !== null) return { ...withoutParams(line, 'VALUE'), value: `${geo[1]};${geo[2]}` };
  }
  if (name === 'BDAY' || name === 'ANNIVERSARY') return { ...line, value: extendedDate(line.value) };
  return line;
}

// Properties whose value or name can change (everything else only has its parameters looked at).
const CONVERTED = new Set(['TEL', 'GEO', 'BDAY', 'ADR', ...BINARY_PROPERTIES, ...Object.keys(RENAMED), ...V4_ONLY]);

export const vcard4To3: LineRewrite = (line) => {
  if (line.upperName === 'BEGIN' || line.upperName === 'END') return null;
  if (line.params.length === 0 && !CONVERTED.has(line.upperName) && line.upperName !== 'VERSION') return null;
  if (line.upperName === 'VERSION') return [{ ...line, value: '3.0' }];
  const { params, changed } = v3Params(line.params);
  let out = convertValue({ ...line, params });
  const renamed = RENAMED[out.upperName] ?? (V4_ONLY.has(out.upperName) ? `X-${out.name}` : null);
  if (renamed !== null) out = { ...out, name: renamed, upperName: renamed.toUpperCase() };
  const extra: ContentLine[] = [];
  const label = paramValues(out, 'LABEL');
  if (out.upperName === 'ADR' && label.length > 0) {
    out = withoutParams(out, 'LABEL');
    const text = caretDecode(label.join(',')).replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r\n|\r|\n/g, '\\n');
    // The label is the address's: it shares its group and TYPE (RFC 2426 §3.2.2), nothing else.
    const params = out.params.filter((p) => p.name.toUpperCase() === 'TYPE');
    extra.push({ ...out, name: 'LABEL', upperName: 'LABEL', params, value: text });
  }
  const same = !changed && extra.length === 0 && out.value === line.value && out.name === line.name &&
    out.params.length === line.params.length;
  return same ? null : [out, ...extra];
};

