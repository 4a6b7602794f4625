// What a contact card shows, read from the stored text of the card: its properties with their
// values unescaped, and the photo only when the card itself carries the picture (a data: URI
// or base64). A photo the card only links to is never fetched: a remote address in a card can
// be a web beacon that learns when, and from where, the card was looked at.
import { readCard } from '../../cards/read-card';
import { paramValues, type ContentLine } from '../../cards/content-line';
import { splitStructured, unescapeText } from '../../cards/text-values';
import { mediaTypeOf, parseDataUri, type InlineData } from '../../cards/vcard-media';
import type { MessageKey } from '../../shared/i18n';

export interface DetailRow {
  label: MessageKey;
  value: string;
}

export interface ContactDetails {
  rows: DetailRow[];
  photo: InlineData | null;
  /** The card names a photo on the web, which is not loaded. */
  remotePhoto: boolean;
}

const SHOWN: Record<string, MessageKey> = {
  FN: 'cardName',
  NICKNAME: 'cardNickname',
  ORG: 'cardOrganization',
  TITLE: 'cardJobTitle',
  EMAIL: 'cardEmail',
  TEL: 'cardPhone',
  ADR: 'cardAddress',
  BDAY: 'cardBirthday',
  URL: 'cardWebsite',
  NOTE: 'cardNote',
};

const STRUCTURED = new Set(['ORG', 'ADR', 'N']);

function valueText(line: ContentLine): string {
  const text = STRUCTURED.has(line.upperName) ? splitStructured(line.value).filter((p) => p.trim() !== '').join(', ') : unescapeText(line.value);
  return text.trim();
}

function inlinePhoto(line: ContentLine): InlineData | null {
  const value = line.value.trim();
  if (/^data:/i.test(value)) return parseDataUri(value);
  const encoding = paramValues(line, 'ENCODING').map((v) => v.toUpperCase());
  if (encoding.includes('B') || encoding.includes('BASE64')) {
    return { mediaType: mediaTypeOf('PHOTO', paramValues(line, 'TYPE')[0]), base64: value.replace(/\s+/g, '') };
  }
  return null;
}

export function contactDetails(raw: string): ContactDetails {
  const read = readCard(raw);
  const details: ContactDetails = { rows: [], photo: null, remotePhoto: false };
  if (!read.ok) return details;
  for (const { line } of read.card.lines) {
    if (line.upperName === 'PHOTO') {
      const photo = inlinePhoto(line);
      if (photo && photo.mediaType.startsWith('image/')) details.photo ??= photo;
      else details.remotePhoto = true;
      continue;
    }
    const label = SHOWN[line.upperName];
    const value = label && valueText(line);
    if (label && value) details.rows.push({ label, value });
  }
  return details;
}
