// The sentence after an export: the file actually written and what went into it.
// "Saved contacts (1).vcf: 250 contacts, 12 converted from vCard 4.0, 1 kept exactly as served."
import type { ExportResult } from '../model/export';
import { t } from '../shared/i18n';
import { tPlural } from './plural';
import { personLocale } from '../catalog/person-locale';

// The parts read as one list in the person's language ("a, b, c"), not joined by hand.
const list = new Intl.ListFormat(personLocale(), { style: 'long', type: 'unit' });

function convertedParts(result: ExportResult): string[] {
  const from = Object.entries(result.convertedFrom ?? {}).filter(([, count]) => count > 0);
  if (from.length === 0) return [];
  const [only] = from;
  if (from.length === 1 && only && only[0] !== '') {
    return [tPlural(only[1], { one: 'exportConvertedFrom_one', other: 'exportConvertedFrom_other' }, only[0])];
  }
  // Several versions, or cards that named none: say where they went instead.
  const total = from.reduce((sum, [, count]) => sum + count, 0);
  return [tPlural(total, { one: 'exportConvertedTo_one', other: 'exportConvertedTo_other' }, result.version ?? '')];
}

export function exportSummarySentence(result: ExportResult): string {
  const parts = [
    result.kind === 'calendars'
      ? tPlural(result.count, { one: 'exportCountCalendarItems_one', other: 'exportCountCalendarItems_other' })
      : tPlural(result.count, { one: 'exportCountContacts_one', other: 'exportCountContacts_other' }),
    ...convertedParts(result),
  ];
  if (result.keptAsExtension) parts.push(tPlural(result.keptAsExtension, { one: 'exportKeptAsExtension_one', other: 'exportKeptAsExtension_other' }));
  if (result.keptAsServed) parts.push(tPlural(result.keptAsServed, { one: 'exportKeptAsServed_one', other: 'exportKeptAsServed_other' }));
  const saved = t('exportSummarySaved', result.fileName, list.format(parts));
  if (result.skipped.length === 0) return saved;
  return `${saved} ${tPlural(result.skipped.length, { one: 'exportSkippedIncomplete_one', other: 'exportSkippedIncomplete_other' })}`;
}
