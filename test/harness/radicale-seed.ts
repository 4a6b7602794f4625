// Writes collections straight into Radicale's storage folder before it starts: a PUT costs
// Radicale ~40 ms, so thousands of items over HTTP would take minutes. Layout (Radicale 3
// multifilesystem): collection-root/<user>/<collection>/<item> plus a `.Radicale.props` JSON
// whose `tag` makes the folder an address book (VADDRESSBOOK) or calendar (VCALENDAR).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assertSafeName, type SeedCollection } from './seed-types';

export async function seedRadicale(storageDir: string, user: string, collections: SeedCollection[]): Promise<void> {
  assertSafeName(user);
  const home = join(storageDir, 'collection-root', user);
  await mkdir(home, { recursive: true });
  for (const collection of collections) {
    assertSafeName(collection.name);
    const folder = join(home, collection.name);
    await mkdir(folder, { recursive: true });
    const props: Record<string, string> = { tag: collection.kind === 'addressbook' ? 'VADDRESSBOOK' : 'VCALENDAR' };
    if (collection.displayName !== undefined) props['D:displayname'] = collection.displayName;
    if (collection.components) props['C:supported-calendar-component-set'] = collection.components.join(',');
    await writeFile(join(folder, '.Radicale.props'), JSON.stringify(props));
    const items = collection.items ?? [];
    for (const item of items) assertSafeName(item.name);
    // A few hundred writes at a time: fast, and well under the open-file limit.
    for (let start = 0; start < items.length; start += 256) {
      const chunk = items.slice(start, start + 256);
      await Promise.all(chunk.map((item) => writeFile(join(folder, item.name), item.data, 'utf8')));
    }
  }
}
