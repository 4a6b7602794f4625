// The IndexedDB layout of schema version 12 (the last release with the items' `[kind+title]`
// index, which held every item's name), frozen: the stores() definitions of src/db/schema.ts's
// versions 1 to 12 combined.
import { V11_STORES } from './schema-v11-stores';

export const V12_STORES = {
  ...V11_STORES,
  items: 'id, [collectionId+live], [kind+title], [kind+start], seriesStart',
  contactWords: '++seq',
};
