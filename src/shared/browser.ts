// The one module that imports webextension-polyfill: everything else takes `browser` from
// here, so the promise-based API is the same in Chrome and Firefox, and tests can see
// exactly which browser APIs the code depends on.
import browser from 'webextension-polyfill';

export { browser };
export type { Alarms, DeclarativeNetRequest, Downloads, Runtime } from 'webextension-polyfill';
