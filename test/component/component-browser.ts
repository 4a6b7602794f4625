// A stand-in for src/shared/browser.ts in component tests: the English catalog for i18n (as
// test/support/catalog-browser.ts), the storage change events the lock's state listens to, and
// the host permission request of the forms that reach a server.
// Use with: vi.mock('../../src/shared/browser', () => import('./component-browser')).
import { browser as catalog } from '../support/catalog-browser';

const listeners = { addListener: () => undefined, removeListener: () => undefined };

/** What the next host permission request answers: a test of a refusal sets it to false. */
export const permissionAnswer = { granted: true };

/** The origins each host permission request asked for, and the tabs opened, in order. */
export const asked: { origins: string[][]; tabs: string[] } = { origins: [], tabs: [] };

export const browser = {
  i18n: catalog.i18n,
  storage: { onChanged: listeners, local: { get: () => Promise.resolve({}) } },
  permissions: {
    request: ({ origins }: { origins: string[] }) => {
      asked.origins.push(origins);
      return Promise.resolve(permissionAnswer.granted);
    },
  },
  tabs: {
    create: ({ url }: { url: string }) => {
      asked.tabs.push(url);
      return Promise.resolve({ id: 1 });
    },
  },
};
