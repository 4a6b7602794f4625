// Export file names: "lifeboat-contacts-2026-11-23.vcf". The date is the user's local date
// (the day they see on their clock when they click), not the UTC one, and ISO 8601 ordered so
// that a Downloads folder sorts the files by day.

export type ExportFileKind = 'contacts' | 'calendars' | 'backup';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** "Family & Friends" → "family-friends": safe on every file system, readable in a listing. */
export function fileNameSlug(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
}

export interface FileNameOptions {
  /** The export holds the mirror as it was at `date`, not as it is. */
  asOf?: boolean;
  /** One collection's name, when the export holds only it. */
  label?: string;
  /** Hours and minutes too: several files a day (snapshots) must not collide. */
  withTime?: boolean;
}

/**
 * `ext` with or without its dot: 'vcf', '.ics', 'zip'. An export of the mirror as it was at a
 * past moment says so, with that moment's date and time: `lifeboat-contacts-as-of-2026-11-20-0930.vcf`;
 * one of a single address book names it: `lifeboat-contacts-family-2026-11-23.vcf`.
 */
export function exportFileName(kind: ExportFileKind, date: Date, ext: string, options: FileNameOptions = {}): string {
  const day = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  const time = `${pad2(date.getHours())}${pad2(date.getMinutes())}`;
  const stamp = options.asOf ? `as-of-${day}-${time}` : options.withTime ? `${day}-${time}` : day;
  const slug = options.label ? fileNameSlug(options.label) : '';
  return ['lifeboat', kind, slug, stamp].filter(Boolean).join('-') + `.${ext.replace(/^\./, '')}`;
}
