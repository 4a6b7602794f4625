// Contact labels and the servers that do not keep them. A card's labels (groups) are its
// CATEGORIES (RFC 6350 §6.7.1). Google's CardDAV keeps none: a Google label is a contact group
// of the People API (https://developers.google.com/people/api/rest/v1/contactGroups), which its
// CardDAV interface (https://developers.google.com/people/carddav) does not map to CATEGORIES,
// so a card PUT with them is stored without, and none is ever served. A restore into Google
// still sends each card whole (what the person has is what Lifeboat sends), and says how many
// arrive without their labels: the mirror keeps them, in the collection the restore copied from.
import { splitCard } from '../cards/card-lines';
import { parseContentLine } from '../cards/content-line';

/** Whether a vCard carries at least one label: a CATEGORIES property with a value. */
export function hasContactLabels(raw: string): boolean {
  return splitCard(raw).logical.some(({ text }) => {
    const line = parseContentLine(text);
    return line?.upperName === 'CATEGORIES' && line.value.replace(/[\s,]/g, '') !== '';
  });
}
