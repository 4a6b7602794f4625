// Every contact folder of a Microsoft account, however deep. /me/contactFolders lists only the
// folders directly under the default Contacts folder; each folder's own subfolders are under
// /me/contactFolders/{id}/childFolders (https://learn.microsoft.com/en-us/graph/api/contactfolder-list-childfolders),
// both paged with @odata.nextLink. A folder is named with its path ("Family / Cousins") so that
// two subfolders with one name stay apart in the lists a person reads.
import type { HttpContext } from '../../http/http-context';
import { graphPages } from './graph-request';

export interface ContactFolder {
  id: string;
  /** "Family / Cousins": the display names from the top folder down. */
  path: string;
}

interface ListedFolder {
  id?: unknown;
  displayName?: unknown;
}

const SEPARATOR = ' / ';

/** Depth first, parents before their children, in the order Graph lists them. */
export async function contactFolders(ctx: HttpContext, root: string): Promise<ContactFolder[]> {
  const found: ContactFolder[] = [];
  // A folder listed twice (a server's mistake) is walked once: no loop, no duplicate book.
  const seen = new Set<string>();
  async function walk(url: string, parentPath: string): Promise<void> {
    const { items } = await graphPages<ListedFolder>(ctx, url);
    for (const folder of items) {
      if (typeof folder.id !== 'string' || folder.id === '' || seen.has(folder.id)) continue;
      seen.add(folder.id);
      const name = typeof folder.displayName === 'string' && folder.displayName.trim() !== '' ? folder.displayName : folder.id;
      const path = parentPath ? `${parentPath}${SEPARATOR}${name}` : name;
      found.push({ id: folder.id, path });
      await walk(`${root}me/contactFolders/${encodeURIComponent(folder.id)}/childFolders`, path);
    }
  }
  await walk(`${root}me/contactFolders`, '');
  return found;
}
