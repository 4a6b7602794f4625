// A stand-in for src/shared/browser.ts in component tests: the English catalog for i18n (as
// test/support/catalog-browser.ts), and the storage change events the lock's state listens to.
// Use with: vi.mock('../../src/shared/browser', () => import('./component-browser')).
import { browser as catalog } from '../support/catalog-browser';

const listeners = { addListener: () => undefined, removeListener: () => undefined };

export const browser = { i18n: catalog.i18n, storage: { onChanged: listeners } };
