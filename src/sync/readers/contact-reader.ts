// Contacts: a vCard is checked by the cards module, and its name, emails and phones become
// the fields the popup and the options page list and search.
import { checkCard } from '../../cards/check-card';
import type { ItemReader } from '../../model/item-reader';

export const contactReader: ItemReader = {
  read(raw) {
    const checked = checkCard(raw);
    if (!checked.ok) return checked;
    const { uid, fullName, emails, phones } = checked.fields;
    return { ok: true, fields: { kind: 'contact', uid, title: fullName, emails, phones } };
  },
};
