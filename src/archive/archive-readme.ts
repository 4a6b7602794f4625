// README.txt: how a person imports each part of the archive elsewhere, without Lifeboat.
import type { ArchiveManifest } from './archive-manifest';

export function archiveReadme(manifest: Pick<ArchiveManifest, 'createdAt' | 'asOf' | 'totals'>): string {
  const t = manifest.totals;
  const lines = [
    'Lifeboat backup',
    '===============',
    '',
    `Made on ${manifest.createdAt}${manifest.asOf ? `, holding your data as it was on ${manifest.asOf}` : ''}.`,
    `It holds ${t.contacts} contacts, ${t.events} events, ${t.tasks} tasks, ${t.journals} journal entries and ${t.photos} photos.`,
    '',
    'contacts/   one .vcf file (vCard 3.0) per address book.',
    '            Google Contacts: Import > Select file.  iCloud: Contacts > File > Import vCard.',
    '            Outlook: People > Manage > Import contacts.  Thunderbird: Address Book > Tools > Import.',
    'calendars/  one .ics file (iCalendar) per calendar, with its events, tasks and journal entries.',
    '            Google Calendar: Settings > Import & export.  Apple Calendar: File > Import.',
    '            Outlook: Add calendar > Upload from file.  Thunderbird: File > Open > Calendar File.',
    'photos/     the original files, exactly as downloaded, by year and month taken.',
    '            photos/albums/<album>.txt lists the files of each album, one path per line.',
    'deleted-upstream/',
    '            items your services deleted, which Lifeboat kept. Import them the same way if you',
    '            want them back.',
    '',
    'manifest.json lists every file with its SHA-256 checksum. To check this copy:',
    '  Linux:   sha256sum <file>      macOS: shasum -a 256 <file>',
    '  Windows: certutil -hashfile <file> SHA256',
    'or open Lifeboat\'s options page and choose "Verify a backup".',
    '',
    'To bring everything back into Lifeboat: options page > Restore > Import a backup.',
    '',
  ];
  return lines.join('\r\n');
}
