// Google's CardDAV keeps no contact labels: a label is a contact group of the People API
// (https://developers.google.com/people/api/rest/v1/contactGroups), and the CardDAV interface
// (https://developers.google.com/people/carddav) maps none of them to vCard CATEGORIES, on the
// way in or out. These remove a card's CATEGORIES property (folded lines and group prefixes
// included) from a vCard, and from each address-data element of a multistatus.

const CATEGORIES = /^(?:[A-Za-z0-9-]+\.)?CATEGORIES[;:]/i;

export function dropCategories(vcard: string): string {
  const lines = vcard.split(/(?<=\n)/);
  const kept: string[] = [];
  let dropping = false;
  for (const line of lines) {
    // A folded line goes with the property it continues (RFC 6350 §3.2).
    if (/^[ \t]/.test(line)) {
      if (!dropping) kept.push(line);
      continue;
    }
    dropping = CATEGORIES.test(line);
    if (!dropping) kept.push(line);
  }
  return kept.join('');
}

export function dropCategoriesInMultistatus(xml: string): string {
  return xml.replace(/(<([A-Za-z0-9]+:)?address-data\b[^>]*>)([\s\S]*?)(<\/\2?address-data>)/g, (_all, open: string, _prefix, card: string, close: string) => `${open}${dropCategories(card)}${close}`);
}
