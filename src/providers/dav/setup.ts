// A CardDAV/CalDAV server reached with a user name and an app password. The presets say where
// discovery starts for each well-known service, which hosts the extension must be allowed to
// reach (iCloud redirects to per-account shard hosts such as p42-contacts.icloud.com, hence the
// wildcard), and the app-password step in plain words. Addresses are the ones each provider
// documents for CardDAV/CalDAV clients.
import type { ProviderSetup, ServerPreset } from '../../model/provider-setup';
import type { MessageKey } from '../../shared/i18n';

const PRESETS: Array<ServerPreset<MessageKey>> = [
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

export const davSetup: ProviderSetup<MessageKey> = {
  kind: 'dav',
  mirrors: 'items',
  secret: 'password',
  canRestoreTo: true,
  keepsContactLabels: true,
  choosesCollections: true,
  where: 'user-and-servers',
  presets: PRESETS,
  // The setup's tiles: the common services by name, then any other server.
  tiles: [
    { id: 'icloud', order: 10, name: 'iCloud', presetId: 'icloud' },
    { id: 'fastmail', order: 40, name: 'Fastmail', presetId: 'fastmail' },
    { id: 'nextcloud', order: 50, name: 'Nextcloud', presetId: 'nextcloud' },
    { id: 'yahoo', order: 60, name: 'Yahoo', presetId: 'yahoo' },
    { id: 'other', order: 100, name: '', nameKey: 'setupAnotherServer', presetId: 'other' },
  ],
};
