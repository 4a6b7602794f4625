// "Restore this version" in the mirror: the chosen earlier text becomes the item's current
// text, and the text it replaces is kept as a version, so no text is ever lost. The item keeps
// the server's ETag: the next sync leaves the restored text alone until the server changes
// the item, and then keeps the restored text as a version like any other. Sending the text
// back to a server is a different feature (restore to a provider).
import type { LifeboatDb } from './schema';
import type { ItemRecord } from '../model/item';
import type { Readers } from '../model/item-reader';
import { listingFields } from './listing-fields';
import { t } from '../catalog/catalog-text';

export async function restoreVersion(db: LifeboatDb, versionId: number, readers: Readers, now: number): Promise<ItemRecord> {
  return db.transaction('rw', db.items, db.versions, async () => {
    const version = await db.versions.get(versionId);
    if (!version) throw new Error(t('errorVersionGone'));
    const item = await db.items.get(version.itemId);
    if (!item) throw new Error(t('errorVersionItemGone'));
    const reading = (item.kind === 'contact' ? readers.addressbook : readers.calendar).read(version.raw);
    // A kept text the reader refuses is still restored; only its listing fields stay as they were.
    const fields = reading.ok ? reading.fields : null;
    await db.versions.add({
      itemId: item.id,
      etag: item.etag,
      raw: item.raw,
      validFrom: item.updatedAt,
      replacedAt: now,
      deletedAt: item.deletedUpstreamAt,
    });
    const restored: ItemRecord = {
      ...item,
      // The item stays what it was (a contact, an event): only its listing fields follow the text.
      ...(fields && { ...listingFields(fields), kind: item.kind }),
      raw: version.raw,
      updatedAt: now,
      restoredAt: now,
    };
    await db.items.put(restored);
    return restored;
  });
}
