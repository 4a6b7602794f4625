// The fields the mirror indexes for a card. Never throws: a card ical.js cannot read (cut short,
// a stray line) still gets whatever name, emails and phones its readable lines carry, so the
// list can show it. Whether a card is valid is checkCard's question, not this one's.
import type { CardFields } from './card-fields';
import { splitCard } from './card-lines';
import { checkCard } from './check-card';
import { parseContentLine } from './content-line';
import { legacyRewrite } from './legacy-vcard';
import { pickFields, type NamedValue } from './pick-fields';
import { splitStructured, unescapeText } from './text-values';

const STRUCTURED = new Set(['N', 'ORG']);

/** Best effort from the lines that parse, without ical.js. */
function lenientFields(raw: string): CardFields {
  const lines = splitCard(raw).logical.flatMap((l) => {
    const line = parseContentLine(l.text);
    return line === null ? [] : [line];
  });
  const v21 = lines.some((l) => l.upperName === 'VERSION' && /^\s*[12]/.test(l.value));
  const fix = legacyRewrite(v21);
  const props: NamedValue[] = [];
  let depth = 0;
  lines.forEach((original, index) => {
    if (original.upperName === 'BEGIN') depth++;
    else if (original.upperName === 'END') depth--;
    if (depth > 1) return; // a nested (2.1 AGENT) card is not this card
    for (const line of fix(original, index) ?? [original]) {
      const value = STRUCTURED.has(line.upperName) ? splitStructured(line.value) : unescapeText(line.value);
      props.push({ name: line.upperName.toLowerCase(), value });
    }
  });
  return pickFields(props);
}

/** Fields for listing and search, from the card's original text. Never throws. */
export function deriveCardFields(raw: string): CardFields {
  const checked = checkCard(raw);
  return checked.ok ? checked.fields : lenientFields(raw);
}
