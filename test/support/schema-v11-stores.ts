// The IndexedDB layout of schema version 11 (the last release with the items' `uid`,
// `[accountId+kind+live]` and `*searchWords` indexes), frozen: version 11 changed no store of
// version 10, only the items' keys.
import { V10_STORES } from './schema-v10-stores';

export const V11_STORES = { ...V10_STORES };
