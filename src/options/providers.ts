// Provider presets: where discovery starts for each well-known service, which hosts the
// extension must be allowed to reach (iCloud redirects to per-account shard hosts such as
// p42-contacts.icloud.com, hence the wildcard), and the app-password step in plain words.
// Addresses are the ones each provider documents for CardDAV/CalDAV clients.

export interface Provider {
  id: string;
  name: string;
  /** Filled into the server field; empty where each user has their own server. */
  serverUrl: string;
  calendarServerUrl?: string;
  /** Host permissions beyond the server address's own host. */
  extraHosts?: string[];
  /** Shown under the form: where to create an app password, what the user name is. */
  help: string;
  /** Placeholder of the server field for self-hosted services. */
  serverPlaceholder?: string;
}

export const PROVIDERS: Provider[] = [
  {
    id: 'other',
    name: 'Other CardDAV / CalDAV server',
    serverUrl: '',
    help: 'Enter the address your provider gives for CardDAV or CalDAV. Lifeboat finds the address books and calendars from there.',
    serverPlaceholder: 'https://dav.example.com',
  },
  {
    id: 'icloud',
    name: 'iCloud',
    serverUrl: 'https://contacts.icloud.com/',
    calendarServerUrl: 'https://caldav.icloud.com/',
    extraHosts: ['https://*.icloud.com/*'],
    help: 'User name: your Apple Account email. Password: an app-specific password from account.apple.com → Sign-In and Security → App-Specific Passwords (your normal password will not work).',
  },
  {
    id: 'fastmail',
    name: 'Fastmail',
    serverUrl: 'https://carddav.fastmail.com/',
    calendarServerUrl: 'https://caldav.fastmail.com/',
    help: 'User name: your Fastmail address. Password: an app password from Settings → Privacy & Security → Manage app passwords, with CalDAV and CardDAV access.',
  },
  {
    id: 'nextcloud',
    name: 'Nextcloud / ownCloud',
    serverUrl: '',
    help: 'Server: your Nextcloud address. Password: an app password from Settings → Security → Devices & sessions → Create new app password.',
    serverPlaceholder: 'https://cloud.example.com/remote.php/dav',
  },
  {
    id: 'mailbox-org',
    name: 'mailbox.org',
    serverUrl: 'https://dav.mailbox.org/',
    help: 'User name: your mailbox.org address. Use an app password if you enabled two-factor sign-in.',
  },
  {
    id: 'posteo',
    name: 'Posteo',
    serverUrl: 'https://posteo.de:8843/',
    calendarServerUrl: 'https://posteo.de:8443/',
    help: 'User name: your Posteo address; password: your Posteo password.',
  },
  {
    id: 'yahoo',
    name: 'Yahoo',
    serverUrl: 'https://carddav.address.yahoo.com/',
    calendarServerUrl: 'https://caldav.calendar.yahoo.com/',
    extraHosts: ['https://*.yahoo.com/*'],
    help: 'User name: your Yahoo address. Password: an app password from Account Info → Account Security → Generate app password.',
  },
  {
    id: 'zoho',
    name: 'Zoho',
    serverUrl: 'https://contacts.zoho.com/',
    calendarServerUrl: 'https://calendar.zoho.com/',
    help: 'User name: your Zoho address. Password: an application-specific password from Zoho Accounts → Security → App Passwords.',
  },
  {
    id: 'gmx',
    name: 'GMX',
    serverUrl: 'https://carddav.gmx.net/',
    calendarServerUrl: 'https://caldav.gmx.net/',
    help: 'User name: your GMX address or customer number; password: your GMX password (enable POP3/IMAP access in GMX settings first).',
  },
  {
    id: 'synology',
    name: 'Synology',
    serverUrl: '',
    help: 'Server: your NAS address with the CardDAV Server or Synology Calendar port, e.g. https://nas.local:5001/carddav/. User: your DSM account.',
    serverPlaceholder: 'https://nas.example.com:5001/carddav/',
  },
  {
    id: 'baikal',
    name: 'Baïkal',
    serverUrl: '',
    help: 'Server: your Baïkal address ending in /dav.php/. User and password: a Baïkal user.',
    serverPlaceholder: 'https://dav.example.com/dav.php/',
  },
  {
    id: 'radicale',
    name: 'Radicale',
    serverUrl: '',
    help: 'Server: your Radicale address (port 5232 by default). User and password: your Radicale login.',
    serverPlaceholder: 'https://dav.example.com:5232/',
  },
];

export function providerById(id: string): Provider {
  return PROVIDERS.find((p) => p.id === id) ?? PROVIDERS[0]!;
}
