// IndexedDB for Node: every test file gets the same in-memory implementation Dexie runs on.
import 'fake-indexeddb/auto';
