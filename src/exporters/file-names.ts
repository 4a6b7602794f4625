// Export file names: "lifeboat-contacts-2026-11-23.vcf". The date is the user's local date
// (the day they see on their clock when they click), not the UTC one, and ISO 8601 ordered so
// that a Downloads folder sorts the files by day.

export type ExportFileKind = 'contacts' | 'calendars';

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `ext` with or without its dot: 'vcf', '.ics', 'zip'. */
export function exportFileName(kind: ExportFileKind, date: Date, ext: string): string {
  const day = `${date.getFullYear()}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
  return `lifeboat-${kind}-${day}.${ext.replace(/^\./, '')}`;
}
