// Display fields for an item the reader refused, so that it can still be stored as served,
// listed, found and exported. Nothing here may throw or refuse: the text is read with forgiving
// patterns over its unfolded lines (folding: RFC 6350 §3.2, RFC 5545 §3.1), taking the first
// FN, else N, for a contact, SUMMARY for a calendar item, and UID for both.
import { deriveCardFields } from '../../cards/derive-card-fields';
import { NO_NAME } from '../../cards/pick-fields';
import { NO_TITLE } from '../../calendars/calendar-fields';
import type { ItemKind } from '../../model/item';
import type { CollectionKind } from '../../model/source';
import type { ItemFields } from '../../model/item-reader';

export interface UnreadableFieldsParams {
  raw: string;
  collectionKind: CollectionKind;
}

/** Every physical line joined back to its logical line; any line break counts. */
function unfold(raw: string): string[] {
  return raw.replace(/\r\n|\r/g, '\n').replace(/\n[ \t]/g, '').split('\n');
}

/** The value of the first `NAME[;params]:value` line, unescaped enough to be read. */
function firstValue(lines: string[], name: string): string | null {
  const pattern = new RegExp(`^(?:[A-Za-z0-9-]+\\.)?${name}(?:;[^:]*)?:(.*)$`, 'i');
  for (const line of lines) {
    const value = pattern.exec(line)?.[1]?.replace(/\\([,;\\])/g, '$1').replace(/\\n/gi, ' ').trim();
    if (value) return value;
  }
  return null;
}

/** "Family;Given;Middle;Prefix;Suffix" (RFC 6350 §6.2.2) as "Given Middle Family". */
function nameFromN(n: string): string {
  const [family = '', given = '', middle = ''] = n.split(';');
  return [given, middle, family].map((part) => part.trim()).filter(Boolean).join(' ');
}

/** The kind of the first main component (RFC 5545 §3.6), an event when none is found. */
function calendarKind(lines: string[]): ItemKind {
  for (const line of lines) {
    const component = /^BEGIN:(VEVENT|VTODO|VJOURNAL)\s*$/i.exec(line)?.[1]?.toUpperCase();
    if (component === 'VTODO') return 'task';
    if (component === 'VJOURNAL') return 'journal';
    if (component === 'VEVENT') return 'event';
  }
  return 'event';
}

/** Contacts keep the emails and phones the card's readable lines carry, as listing does. */
function contactExtras(raw: string): Pick<ItemFields, 'emails' | 'phones'> {
  try {
    const { emails, phones } = deriveCardFields(raw);
    return { emails, phones };
  } catch {
    return {};
  }
}

export function unreadableFields({ raw, collectionKind }: UnreadableFieldsParams): ItemFields {
  const lines = unfold(raw);
  const uid = firstValue(lines, 'UID');
  if (collectionKind === 'addressbook') {
    const n = firstValue(lines, 'N');
    const title = firstValue(lines, 'FN') ?? (n ? nameFromN(n) : '');
    return { kind: 'contact', uid, title: title || uid || NO_NAME, ...contactExtras(raw) };
  }
  return { kind: calendarKind(lines), uid, title: firstValue(lines, 'SUMMARY') ?? uid ?? NO_TITLE };
}
