// A count in a sentence, in the form the language wants for it: "1 item", "2 items". The
// catalog holds one message per plural category (`…_one`, `…_other`, the categories of
// Intl.PluralRules, https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Intl/PluralRules),
// and the count is always the first substitution ($1), written in the person's numbers
// (format-count.ts). A language with more categories
// (few, many) falls back to `other` until its catalog has them.
import { t, type MessageKey } from '../shared/i18n';
import { formatCount } from './format-count';
import { personLocale } from '../catalog/person-locale';

export interface PluralKeys {
  one: MessageKey;
  other: MessageKey;
}

let rules: Intl.PluralRules | null = null;

function pluralRules(): Intl.PluralRules {
  rules ??= new Intl.PluralRules(personLocale());
  return rules;
}

export function tPlural(count: number, keys: PluralKeys, ...rest: Array<string | number>): string {
  const key = pluralRules().select(count) === 'one' ? keys.one : keys.other;
  return t(key, formatCount(count), ...rest);
}
