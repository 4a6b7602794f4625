// Where OneDrive serves the bytes of files: the hosts of the pre-authenticated download
// addresses, asked for as host permissions only when a person adds OneDrive photos, and only
// those of the kind of drive they picked. OneDrive personal serves from *.files.1drv.com
// (the example of https://learn.microsoft.com/en-us/graph/api/driveitem-get-content) and, for
// newer files, *.microsoftpersonalcontent.com; OneDrive for Business from the tenant's
// <tenant>-my.sharepoint.com, unknown before the sign-in.
import type { DriveFolder } from './drive-folder';

export const STORAGE_ORIGINS: Record<DriveFolder['drive'], string[]> = {
  personal: ['https://*.1drv.com/*', 'https://*.microsoftpersonalcontent.com/*'],
  business: ['https://*.sharepoint.com/*'],
};
