// The folder a person picked, found once when the account is added: the drive's type (which
// decides how changes are followed, drive-folder.ts) and the folder's item id and name.
// Special folders by name (https://learn.microsoft.com/en-us/graph/api/drive-get-specialfolder),
// any other by its path (`/me/drive/root:/Photos/2024`, https://learn.microsoft.com/en-us/graph/api/driveitem-get).
import type { HttpContextOptions } from '../../http/http-context';
import { HttpError } from '../../http/http-errors';
import { graphGet } from '../microsoft/graph-request';
import type { DriveFolder, DriveFolderChoice } from '../../model/drive-folder';
import type { DriveItem } from './drive-item';
import { driveContext, type DriveConnection } from './drive-connection';
import { t } from '../../catalog/catalog-text';

/** "/Photos//2024/" → "Photos/2024". */
export function cleanPath(path: string): string {
  return path.split('/').map((segment) => segment.trim()).filter(Boolean).join('/');
}

function folderUrl(root: string, choice: DriveFolderChoice): string {
  if ('special' in choice) return `${root}me/drive/special/${choice.special}`;
  const path = cleanPath(choice.path);
  return path ? `${root}me/drive/root:/${path.split('/').map(encodeURIComponent).join('/')}` : `${root}me/drive/root`;
}

export async function findDriveFolder(conn: DriveConnection, choice: DriveFolderChoice, options: HttpContextOptions = {}): Promise<DriveFolder> {
  const ctx = driveContext(conn, options);
  // driveType: "personal", "business" or "documentLibrary" (https://learn.microsoft.com/en-us/graph/api/resources/drive).
  const drive = await graphGet<{ driveType?: string }>(ctx, `${ctx.serverUrl}me/drive`);
  const wanted = 'special' in choice ? choice.special : `/${cleanPath(choice.path)}`;
  let item: DriveItem;
  try {
    item = await graphGet<DriveItem>(ctx, folderUrl(ctx.serverUrl, choice));
  } catch (error) {
    if (error instanceof HttpError && error.status === 404) throw new Error(t('oneDriveNoFolder', wanted), { cause: error });
    throw error;
  }
  if (!item.folder || typeof item.id !== 'string') throw new Error(t('oneDriveNotFolder', wanted));
  const name = 'special' in choice ? (item.name ?? choice.special) : cleanPath(choice.path) || (item.name ?? 'OneDrive');
  return { id: item.id, name, drive: drive.driveType === 'personal' ? 'personal' : 'business' };
}
