// A stand-in for src/shared/browser.ts in component tests: the English catalog for i18n (as
// test/support/catalog-browser.ts), the storage change events the lock's state listens to, and
// the host permission request of the forms that reach a server.
// Use with: vi.mock('../../src/shared/browser', () => import('./component-browser')).
import { browser as catalog } from '../support/catalog-browser';

const listeners = { addListener: () => undefined, removeListener: () => undefined };

/** What the next host permission request answers: a test of a refusal sets it to false. */
export const permissionAnswer = { granted: true };

export const browser = {
  i18n: catalog.i18n,
  storage: { onChanged: listeners },
  permissions: { request: () => Promise.resolve(permissionAnswer.granted) },
};
