// The words an item is found by: its name, each email (whole, and its domain) and each phone
// number as digits (whole, and each tail a person might type: "555 0100" finds "+1 555 0100").
// Kept for each contact in the search's records (db/contact-words/), so a search reads a few
// small records instead of 20,000 items.
import type { ItemRecord } from '../model/item';

/** Lower case without accents: "Zoë" and "zoe" are the same word to a person searching. */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function phoneWords(phone: string): string[] {
  const groups = phone.split(/[^0-9]+/).filter((g) => g !== '');
  return groups.map((_, i) => groups.slice(i).join('')).filter((digits) => digits.length >= 2);
}

export function searchWordsOf(item: Pick<ItemRecord, 'title' | 'emails' | 'phones'>): string[] {
  const words = new Set<string>();
  for (const word of foldForSearch(item.title).split(/[\s,;()"“”]+/)) if (word !== '') words.add(word);
  for (const email of item.emails ?? []) {
    const folded = foldForSearch(email.trim());
    words.add(folded);
    const domain = folded.split('@')[1];
    if (domain) words.add(domain);
  }
  for (const phone of item.phones ?? []) for (const digits of phoneWords(phone)) words.add(digits);
  return [...words];
}

/** Words of a search query; a phone number typed with spaces is one word of digits. */
export function queryWords(query: string): string[] {
  const folded = foldForSearch(query.trim());
  if (/^[+\d\s().-]+$/.test(folded) && /\d/.test(folded)) return [folded.replace(/\D/g, '')];
  return folded.split(/\s+/).filter((w) => w !== '');
}
