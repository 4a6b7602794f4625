// Four layers, run separately by `npm test`: unit (pure code and fake-indexeddb), component
// (the pages' controls and panels rendered in happy-dom against a stand-in worker),
// integration (real DAV servers on loopback), e2e (the built extension in real Chromium).
import { configDefaults, defineConfig } from 'vitest/config';

// The source contract (test/contract/) runs where its target lives: the memory source with the
// unit tests, every real or test server with the integration tests.
const MEMORY_CONTRACT = 'test/contract/memory-*.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', MEMORY_CONTRACT],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
        },
      },
      {
        test: {
          name: 'component',
          include: ['test/component/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['test/unit/setup.ts', 'test/component/setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/contract/**/*.test.ts'],
          exclude: [...configDefaults.exclude, MEMORY_CONTRACT],
          environment: 'node',
          setupFiles: ['test/unit/setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One Chromium at a time: a 2-core machine, and each test owns a profile.
          fileParallelism: false,
        },
      },
    ],
  },
});
