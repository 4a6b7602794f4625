// The mirror the export figures are measured on: the bench's data set (bench/generate-data.ts)
// read by the extension's own readers and stored through the engine's write path, so each record
// is what a first mirror would have written.
import type { LifeboatDb } from '../src/db/schema';
import { storeItems } from '../src/db/mirror-writes';
import { readers } from '../src/sync/readers';
import type { CollectionRecord } from '../src/model/collection';
import type { ItemReader } from '../src/model/item-reader';
import { benchCollections, dataSize } from './generate-data';

export async function seedExportMirror(db: LifeboatDb, contacts: number): Promise<void> {
  await db.accounts.put({ id: 'bench', kind: 'dav', label: 'Bench', serverUrl: 'https://dav.example.com/', calendarServerUrl: null, services: ['addressbook', 'calendar'], username: 'bench', createdAt: 1, status: 'idle', lastError: null, lastSuccessAt: null, progress: null, detached: false, discovery: {} } as never);
  for (const seedCollection of benchCollections(dataSize(contacts))) {
    const collection = { id: `bench|${seedCollection.name}`, accountId: 'bench', kind: seedCollection.kind, href: `/${seedCollection.name}/`, displayName: seedCollection.displayName, enabled: true, pendingHrefs: [] } as unknown as CollectionRecord;
    await db.collections.put(collection);
    const reader: ItemReader = seedCollection.kind === 'addressbook' ? readers.addressbook : readers.calendar;
    for (let at = 0; at < (seedCollection.items ?? []).length; at += 500) {
      const batch = (seedCollection.items ?? []).slice(at, at + 500).map(({ name, data }) => {
        const read = reader.read(data);
        if (!read.ok) throw new Error(`${name}: ${read.reason}`);
        return { ...read.fields, href: name, etag: '"1"', raw: data };
      });
      await storeItems(db, collection, batch, 1);
    }
  }
}

