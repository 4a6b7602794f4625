// The sentences after a file was saved to Downloads, said alike by the popup and the options
// page, counts in the person's numbers and in the plural form they need ("1 file", "2 files").
import type { ArchiveResult } from '../model/export';
import { formatBytes } from './format-bytes';
import { tPlural } from './plural';

/** "Saved lifeboat-backup.zip (12 files, 3.4 MB) to your Downloads folder." */
export function archiveSavedSentence(result: ArchiveResult): string {
  return tPlural(result.files, { one: 'backupSaved_one', other: 'backupSaved_other' }, result.fileName, formatBytes(result.bytes));
}

/** "Saved contacts.vcf (250 items) to your Downloads folder." */
export function itemsSavedSentence(result: { fileName: string; count: number }): string {
  return tPlural(result.count, { one: 'exportSavedItems_one', other: 'exportSavedItems_other' }, result.fileName);
}
