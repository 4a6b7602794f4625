// One account, several services: CardDAV for contacts and CalDAV for calendars, often on
// different hosts (contacts.icloud.com and caldav.icloud.com). The engine sees one Source.
import type { CollectionKind, RemoteCollection, Source } from '../model/source';
import { t } from '../catalog/catalog-text';

export function combineSources(byKind: Partial<Record<CollectionKind, Source>>): Source {
  const sourceFor = (collection: RemoteCollection): Source => {
    const source = byKind[collection.kind];
    if (!source) throw new Error(t('accountNoService', `${collection.kind}s`));
    return source;
  };
  return {
    async listCollections(options) {
      const lists = await Promise.all(Object.values(byKind).map((source) => source.listCollections(options)));
      return lists.flat();
    },
    listChanges: (collection, cursor) => sourceFor(collection).listChanges(collection, cursor),
    fetchItems: (collection, hrefs) => sourceFor(collection).fetchItems(collection, hrefs),
  };
}
