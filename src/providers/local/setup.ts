// Items imported from files (a backup, a .vcf, an .ics, a Google Takeout): never synced with a
// server, so no secret, no source and no "Sync now". The imports run in the options page
// (restore/import-into-mirror.ts, photos/takeout/import-takeout.ts) and name this kind from here.
import type { ProviderSetup } from '../../model/provider-setup';
import type { MessageKey } from '../../shared/i18n';

export const localSetup = {
  kind: 'local',
  mirrors: 'files',
  secret: 'none',
  canRestoreTo: false,
  keepsContactLabels: true,
  choosesCollections: false,
  where: 'none',
} as const satisfies ProviderSetup<MessageKey>;
