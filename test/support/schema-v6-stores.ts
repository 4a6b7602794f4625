// The IndexedDB layout of schema version 6 (the release before the counters table), frozen: the
// stores() definitions of src/db/schema.ts's versions 1 to 6 combined, so a test can write a
// mirror exactly as that release did and open it with the current code.
export const V6_STORES = {
  accounts: 'id, createdAt',
  collections: 'id, accountId',
  items: 'id, collectionId, accountId, [accountId+kind+live], [collectionId+live], uid, [kind+title], [kind+start], *searchWords',
  versions: '++id, itemId, replacedAt',
  runs: '++id, accountId, [accountId+startedAt], outcome',
  alarms: '++id, accountId, open',
  settings: 'key',
  snapshots: '++id, createdAt',
  photos: 'id, accountId, [accountId+live], [sortAt+id], thumb, checkedAt, sha256',
  photoBlobs: 'id',
  photoThumbs: 'id',
  photoParts: '[photoId+offset], photoId',
  photoVersions: '++id, photoId',
  wipeMarks: 'collectionId, accountId',
};
