// The IndexedDB layout of schema version 7 (the release before the items lost their `accountId`
// index), frozen: the stores() definitions of src/db/schema.ts's versions 1 to 7 combined, so a
// test can write a mirror exactly as that release did and open it with the current code.
import { V6_STORES } from './schema-v6-stores';

export const V7_STORES = {
  ...V6_STORES,
  items: 'id, accountId, [accountId+kind+live], [collectionId+live], uid, [kind+title], [kind+start], *searchWords, seriesStart',
  photos: 'id, [accountId+live], [sortAt+id], thumb, checkedAt, sha256',
  counters: 'accountId',
};
