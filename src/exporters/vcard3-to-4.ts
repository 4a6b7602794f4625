// vCard 3.0 → 4.0, line by line, for `exportVcf(cards, { version: '4.0' })` (RFC 6350
// Appendix A). What changes, and nothing else:
//   VERSION                               → VERSION:4.0, right after BEGIN (RFC 6350 §6.7.9)
//   PHOTO;ENCODING=b;TYPE=JPEG:…          → PHOTO:data:image/jpeg;base64,…  (§6.2.4)
//   TYPE=pref                             → PREF=1                          (§5.3)
//   X-ADDRESSBOOKSERVER-KIND/-MEMBER      → KIND, MEMBER                    (§6.1.4, §6.6.5)
//   3.0-only AGENT, CLASS, LABEL, MAILER,
//   NAME, PROFILE, SORT-STRING            → X-AGENT, … (kept, as x-names, §6.10)
//   GEO:48.2;16.3                         → GEO:geo:48.2,16.3               (§6.5.2)
//   BDAY 1985-04-12, --04-12, REV         → 19850412, --0412 (4.0 dates are basic format, §4.3)
// TEL stays text: RFC 6350 §6.4.1 keeps text as the default value type for 3.0 compatibility.
import type { CardParam, ContentLine } from '../cards/content-line';
import { paramValues, withoutParams } from '../cards/content-line';
import type { LineRewrite } from '../cards/rewrite-card';
import { BINARY_PROPERTIES, mediaTypeOf } from './vcard-media';

const RENAMED: Record<string, string> = { 'X-ADDRESSBOOKSERVER-KIND': 'KIND', 'X-ADDRESSBOOKSERVER-MEMBER': 'MEMBER' };
const V3_ONLY = new Set(['AGENT', 'CLASS', 'LABEL', 'MAILER', 'NAME', 'PROFILE', 'SORT-STRING']);

function hasPref(p: CardParam): boolean {
  return p.values !== null && p.name.toUpperCase() === 'TYPE' && p.values.some((v) => v.toLowerCase() === 'pref');
}

function v4Params(params: readonly CardParam[]): { params: readonly CardParam[]; changed: boolean } {
  if (!params.some(hasPref)) return { params, changed: false };
  const out: CardParam[] = [];
  for (const p of params) {
    if (!hasPref(p)) out.push(p);
    else {
      const kept = (p.values ?? []).filter((v) => v.toLowerCase() !== 'pref');
      if (kept.length > 0) out.push({ ...p, values: kept });
    }
  }
  out.push({ name: 'PREF', values: ['1'] });
  return { params: out, changed: true };
}

function basicDate(value: string): string {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/.exec(value.trim());
  if (m === null) return value;
  const [, year, month, day, hh, mm, ss, zone] = m;
  const date = year === '-' ? `--${month}${day}` : `${year}${month}${day}`;
  return hh === undefined ? date : `${date}T${hh}${mm}${ss ?? '00'}${(zone ?? '').replace(':', '')}`;
}

function convertValue(line: ContentLine): ContentLine {
  const name = line.upperName;
  const encoding = BINARY_PROPERTIES.has(name) ? paramValues(line, 'ENCODING').map((v) => v.toUpperCase()) : [];
  if (encoding.includes('B') || encoding.includes('BASE64')) {
    const mediaType = mediaTypeOf(name, paramValues(line, 'TYPE')[0]);
    const rest = withoutParams(line, 'ENCODING', 'TYPE', 'VALUE');
    return { ...rest, value: `data:${mediaType};base64,${line.value.replace(/\s+/g, '')}` };
  }
  if (name === 'GEO') {
    const geo = /^\s*(-?[\d.]+)\s*;\s*(-?[\d.]+)\s*$/.exec(line.value);
    if (geo !== null) return { ...line, value: `geo:${geo[1]},${geo[2]}` };
  }
  if (name === 'REV') return { ...line, value: basicDate(line.value) }; // §6.7.4: timestamp
  if (name === 'BDAY') {
    // Apple writes a birthday without a year as 1604-MM-DD with X-APPLE-OMIT-YEAR=1604.
    const omit = paramValues(line, 'X-APPLE-OMIT-YEAR')[0];
    const value = omit !== undefined && line.value.startsWith(omit) ? `-${line.value.slice(omit.length)}` : line.value;
    return { ...withoutParams(line, 'X-APPLE-OMIT-YEAR'), value: basicDate(value) };
  }
  return line;
}

// Properties whose value or name can change (everything else only has its parameters looked at).
const CONVERTED = new Set(['GEO', 'BDAY', 'REV', ...BINARY_PROPERTIES, ...Object.keys(RENAMED), ...V3_ONLY]);

export const vcard3To4: LineRewrite = (line, index) => {
  // VERSION must come right after BEGIN: write it there, and drop it where it was.
  if (line.upperName === 'BEGIN' && index === 0) {
    return [line, { group: null, name: 'VERSION', upperName: 'VERSION', params: [], value: '4.0' }];
  }
  if (line.upperName === 'VERSION') return [];
  if (line.upperName === 'BEGIN' || line.upperName === 'END') return null;
  if (line.params.length === 0 && !CONVERTED.has(line.upperName)) return null;
  const { params, changed } = v4Params(line.params);
  let out = convertValue({ ...line, params });
  const renamed = RENAMED[out.upperName] ?? (V3_ONLY.has(out.upperName) ? `X-${out.name}` : null);
  if (renamed !== null) out = { ...out, name: renamed, upperName: renamed.toUpperCase() };
  const same = !changed && out.value === line.value && out.name === line.name && out.params.length === line.params.length;
  return same ? null : [out];
};

