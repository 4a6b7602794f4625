// The IndexedDB layout of schema version 9 (the release before each collection's counts were
// kept), frozen: the stores() definitions of src/db/schema.ts's versions 1 to 9 combined.
import { V7_STORES } from './schema-v7-stores';

export const V9_STORES = {
  ...V7_STORES,
  items: 'id, [accountId+kind+live], [collectionId+live], uid, [kind+title], [kind+start], *searchWords, seriesStart',
  exportPages: 'id',
  exportLayouts: 'kind',
};
