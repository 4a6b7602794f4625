// Export file names: "lifeboat-contacts-2026-11-23.vcf". The date is the user's local date
// (the day they see on their clock when they click), not the UTC one, and ISO 8601 ordered so
// that a Downloads folder sorts the files by day.

export type ExportFileKind = 'contacts' | 'calendars';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * `ext` with or without its dot: 'vcf', '.ics', 'zip'. An export of the mirror as it was at a
 * past moment says so, with that moment's date and time: `lifeboat-contacts-as-of-2026-11-20-0930.vcf`.
 */
export function exportFileName(kind: ExportFileKind, date: Date, ext: string, options: { asOf?: boolean } = {}): string {
  const day = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  const stamp = options.asOf ? `as-of-${day}-${pad2(date.getHours())}${pad2(date.getMinutes())}` : day;
  return `lifeboat-${kind}-${stamp}.${ext.replace(/^\./, '')}`;
}
