// The IndexedDB layout of schema version 10 (the release before items were keyed by a digest),
// frozen: the stores() definitions of src/db/schema.ts's versions 1 to 10 combined.
import { V9_STORES } from './schema-v9-stores';

export const V10_STORES = { ...V9_STORES, collectionCounts: 'collectionId' };
