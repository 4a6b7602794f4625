// Which servers keep a contact's labels (its CATEGORIES): all but Google's CardDAV, which stores
// a card put into it without them (restore/contact-labels.ts says why). A fact about a kind of
// account, which the restore panel shows before anything is sent.
import type { AccountKind } from './account';

/** Whether an address book of this kind of account keeps the CATEGORIES of the cards put into it. */
export function keepsContactLabels(kind: AccountKind): boolean {
  return kind !== 'google';
}
