// vCard 3.0 → 4.0, line by line, for `exportVcf(cards, { version: '4.0' })` (RFC 6350
// Appendix A). It also undoes what vcard4-to-3.ts had to do, so that 4.0 → 3.0 → 4.0 gives back
// every property. What changes, and nothing else:
//   VERSION                               → VERSION:4.0, right after BEGIN (RFC 6350 §6.7.9)
//   PHOTO;ENCODING=b;TYPE=JPEG:…          → PHOTO:data:image/jpeg;base64,…  (§6.2.4), the
//                                           same base64 text
//   PHOTO;VALUE=uri:https://…             → PHOTO:https://…   (uri is the 4.0 default, §6.2.4)
//   TYPE=pref                             → PREF=1                          (§5.3)
//   X-ADDRESSBOOKSERVER-KIND/-MEMBER      → KIND, MEMBER                    (§6.1.4, §6.6.5)
//   X-GENDER, X-ANNIVERSARY… (4.0 names a 4.0 → 3.0 export kept as x-names) → GENDER, …
//   3.0-only AGENT, CLASS, LABEL, MAILER,
//   NAME, PROFILE, SORT-STRING            → X-AGENT, … (kept, as x-names, §6.10)
//   LABEL right after its ADR;LABEL=…     → dropped: the 4.0 → 3.0 copy of that parameter
//   TEL;X-TEL-URI="tel:…":<the number>    → TEL;VALUE=uri:tel:…             (§6.4.1)
//   GEO:48.2;16.3                         → GEO:geo:48.2,16.3               (§6.5.2)
//   BDAY, ANNIVERSARY, REV 1985-04-12, --04-12 → 19850412, --0412 (basic format, §4.3)
// A plain TEL stays text: RFC 6350 §6.4.1 keeps text as the default value type for 3.0
// compatibility.
import type { CardParam, ContentLine } from '../cards/content-line';
import { paramValues, withoutParams } from '../cards/content-line';
import type { LineRewrite } from '../cards/rewrite-card';
import { TEL_URI_PARAM, telToText } from '../cards/tel-text';
import { unescapeText } from '../cards/text-values';
import { basicDate } from './vcard-dates';
import { BINARY_PROPERTIES, mediaTypeOf, unescapeUri } from '../cards/vcard-media';
import { renameFor, V3_ONLY, V3_TO_V4_NAMES, V4_ONLY } from './vcard-names';

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
  // A card that already says PREF (one that went 4.0 → 3.0 with PREF=2 kept) keeps its own.
  if (!out.some((p) => p.name.toUpperCase() === 'PREF')) out.push({ name: 'PREF', values: ['1'] });
  return { params: out, changed: true };
}

function convertBinary(line: ContentLine): ContentLine {
  const encoding = paramValues(line, 'ENCODING').map((v) => v.toUpperCase());
  if (encoding.includes('B') || encoding.includes('BASE64')) {
    const mediaType = mediaTypeOf(line.upperName, paramValues(line, 'TYPE')[0]);
    const rest = withoutParams(line, 'ENCODING', 'TYPE', 'VALUE');
    return { ...rest, value: `data:${mediaType};base64,${line.value.replace(/\s+/g, '')}` };
  }
  const value = paramValues(line, 'VALUE');
  if (value.length === 1 && value[0]?.toLowerCase() === 'uri') return withoutParams(line, 'VALUE');
  return line;
}

function convertTel(line: ContentLine): ContentLine {
  const uri = paramValues(line, TEL_URI_PARAM)[0];
  // Only when the number is still the one the URI reads as: a person may have edited it since.
  if (uri === undefined || telToText(unescapeUri(uri)) !== line.value.trim()) return line;
  const rest = withoutParams(line, TEL_URI_PARAM);
  // The URI exactly as the 4.0 card had it (escaped or not: see vcard4-to-3.ts).
  return { ...rest, params: [...rest.params, { name: 'VALUE', values: ['uri'] }], value: uri };
}

function convertValue(line: ContentLine): ContentLine {
  const name = line.upperName;
  if (BINARY_PROPERTIES.has(name)) return convertBinary(line);
  if (name === 'TEL') return convertTel(line);
  if (name === 'GEO') {
    const geo = /^\s*(-?[\d.]+)\s*;\s*(-?[\d.]+)\s*$/.exec(line.value);
    if (geo !== null) return { ...line, value: `geo:${geo[1]},${geo[2]}` };
  }
  if (name === 'REV' || name === 'BDAY' || name === 'ANNIVERSARY' || name === 'DEATHDATE') {
    // Apple writes a birthday without a year as 1604-MM-DD with X-APPLE-OMIT-YEAR=1604: 4.0
    // says "--MMDD"; the parameter stays so that a 3.0 export writes Apple's form again.
    const omit = name === 'BDAY' ? paramValues(line, 'X-APPLE-OMIT-YEAR')[0] : undefined;
    const yearless = omit !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(line.value.trim()) && line.value.trim().startsWith(omit);
    return { ...line, value: basicDate(yearless ? `-${line.value.trim().slice(omit.length)}` : line.value) };
  }
  return line;
}

const rename = (name: string): string | null =>
  renameFor({ name, vendor: V3_TO_V4_NAMES, only: V3_ONLY, back: V4_ONLY });

/** Whether `label` is the LABEL line vcard4-to-3.ts made from `adr`'s LABEL parameter. */
function isCopyOfAdrLabel(label: ContentLine, adr: ContentLine | null): boolean {
  if (adr === null || label.group !== adr.group) return false;
  const param = paramValues(adr, 'LABEL');
  return param.length > 0 && param.join(',') === unescapeText(label.value);
}

// Properties whose value or name can change; any other line without parameters is left alone
// without looking further (most lines of a card, at 10,000 cards an export).
const CONVERTED = new Set(['GEO', 'BDAY', 'ANNIVERSARY', 'REV', 'DEATHDATE', ...BINARY_PROPERTIES,
  ...Object.keys(V3_TO_V4_NAMES), ...V3_ONLY]);

/** A fresh rewrite for one card (it remembers the card's last ADR line). */
export function vcard3To4(): LineRewrite {
  let lastAdr: ContentLine | null = null;
  return (line, index) => {
    const previousAdr = lastAdr;
    lastAdr = line.upperName === 'ADR' ? line : null;
    // VERSION must come right after BEGIN: write it there, and drop it where it was.
    if (line.upperName === 'BEGIN' && index === 0) {
      return [line, { group: null, name: 'VERSION', upperName: 'VERSION', params: [], value: '4.0' }];
    }
    if (line.upperName === 'VERSION') return [];
    if (line.upperName === 'BEGIN' || line.upperName === 'END') return null;
    if (line.params.length === 0 && !CONVERTED.has(line.upperName) && !line.upperName.startsWith('X-')) return null;
    if (line.upperName === 'LABEL' && isCopyOfAdrLabel(line, previousAdr)) return [];
    const renamed = rename(line.name);
    const { params, changed } = v4Params(line.params);
    let out = convertValue({ ...line, params });
    if (renamed !== null) out = { ...out, name: renamed, upperName: renamed.toUpperCase() };
    const same = !changed && out.value === line.value && out.name === line.name && out.params.length === line.params.length;
    return same ? null : [out];
  };
}
