// IndexedDB for Node: every test file gets the same in-memory implementation Dexie runs on.
import 'fake-indexeddb/auto';
import fc from 'fast-check';

// Property tests run with a fixed seed, so that CI is repeatable and a failure replays exactly.
// Explore new cases with FC_SEED=random (or any number) and keep what it finds as examples.
const seed = process.env.FC_SEED ?? '20261123';
if (seed !== 'random') fc.configureGlobal({ seed: Number(seed) });
