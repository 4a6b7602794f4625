// Provider presets: where discovery starts for each well-known service, which hosts the
// extension must be allowed to reach (iCloud redirects to per-account shard hosts such as
// p42-contacts.icloud.com, hence the wildcard), and the app-password step in plain words.
// Addresses are the ones each provider documents for CardDAV/CalDAV clients.
import { t, type MessageKey } from '../shared/i18n';

export interface Provider {
  id: string;
  /** A brand's own name, never translated. */
  name: string;
  /** A name in words, translated (the generic entry). */
  nameKey?: MessageKey;
  /** Filled into the server field; empty where each user has their own server. */
  serverUrl: string;
  calendarServerUrl?: string;
  /** Host permissions beyond the server address's own host. */
  extraHosts?: string[];
  /** Shown under the form: where to create an app password, what the user name is. */
  help: MessageKey;
  /** Placeholder of the server field for self-hosted services. */
  serverPlaceholder?: string;
}

export const PROVIDERS: Provider[] = [
  {
    id: 'other',
    name: '',
    nameKey: 'providerOther',
    serverUrl: '',
    help: 'providerHelpOther',
    serverPlaceholder: 'https://dav.example.com',
  },
  {
    id: 'icloud',
    name: 'iCloud',
    serverUrl: 'https://contacts.icloud.com/',
    calendarServerUrl: 'https://caldav.icloud.com/',
    extraHosts: ['https://*.icloud.com/*'],
    help: 'providerHelpIcloud',
  },
  {
    id: 'fastmail',
    name: 'Fastmail',
    serverUrl: 'https://carddav.fastmail.com/',
    calendarServerUrl: 'https://caldav.fastmail.com/',
    help: 'providerHelpFastmail',
  },
  {
    id: 'nextcloud',
    name: 'Nextcloud / ownCloud',
    serverUrl: '',
    help: 'providerHelpNextcloud',
    serverPlaceholder: 'https://cloud.example.com/remote.php/dav',
  },
  {
    id: 'mailbox-org',
    name: 'mailbox.org',
    serverUrl: 'https://dav.mailbox.org/',
    help: 'providerHelpMailboxOrg',
  },
  {
    id: 'posteo',
    name: 'Posteo',
    serverUrl: 'https://posteo.de:8843/',
    calendarServerUrl: 'https://posteo.de:8443/',
    help: 'providerHelpPosteo',
  },
  {
    id: 'yahoo',
    name: 'Yahoo',
    serverUrl: 'https://carddav.address.yahoo.com/',
    calendarServerUrl: 'https://caldav.calendar.yahoo.com/',
    extraHosts: ['https://*.yahoo.com/*'],
    help: 'providerHelpYahoo',
  },
  {
    id: 'zoho',
    name: 'Zoho',
    serverUrl: 'https://contacts.zoho.com/',
    calendarServerUrl: 'https://calendar.zoho.com/',
    help: 'providerHelpZoho',
  },
  {
    id: 'gmx',
    name: 'GMX',
    serverUrl: 'https://carddav.gmx.net/',
    calendarServerUrl: 'https://caldav.gmx.net/',
    help: 'providerHelpGmx',
  },
  {
    id: 'synology',
    name: 'Synology',
    serverUrl: '',
    help: 'providerHelpSynology',
    serverPlaceholder: 'https://nas.example.com:5001/carddav/',
  },
  {
    id: 'baikal',
    name: 'Baïkal',
    serverUrl: '',
    help: 'providerHelpBaikal',
    serverPlaceholder: 'https://dav.example.com/dav.php/',
  },
  {
    id: 'radicale',
    name: 'Radicale',
    serverUrl: '',
    help: 'providerHelpRadicale',
    serverPlaceholder: 'https://dav.example.com:5232/',
  },
];

export function providerById(id: string): Provider {
  return PROVIDERS.find((p) => p.id === id) ?? PROVIDERS[0]!;
}

export function providerName(provider: Provider): string {
  return provider.nameKey ? t(provider.nameKey) : provider.name;
}
