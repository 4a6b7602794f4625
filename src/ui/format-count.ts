// A count as the person's language writes it: "12,345" in English, "12 345" in French
// (Intl.NumberFormat, https://developer.mozilla.org/docs/Web/JavaScript/Reference/Global_Objects/Intl/NumberFormat).
import { personLocale } from '../catalog/person-locale';

let format: Intl.NumberFormat | null = null;

export function formatCount(count: number): string {
  format ??= new Intl.NumberFormat(personLocale());
  return format.format(count);
}
