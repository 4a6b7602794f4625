// The person-readable sentences of code that runs in the worker as well as in pages (the HTTP
// layer's refusals, the archive's, the lock's…), from the message catalog.
// In the extension they come from the browser's i18n API (the person's language); where that
// API does not exist (the worker's code under Node in tests, a build script) the English
// catalog itself is read, so a test asserts the very sentence a person sees. The function is
// named `t` like shared/i18n.ts's, whose catalog test checks the keys of every call of a function so named;
// shared/i18n.ts itself cannot be imported by such code, as webextension-polyfill throws outside a
// browser extension. Its own folder, which every layer may import (http/ included): it imports
// only the English catalog.
import english from '../../public/_locales/en/messages.json';

type Key = keyof typeof english;

interface I18nApi {
  getMessage(key: string, substitutions?: string[]): string;
}

function browserI18n(): I18nApi | undefined {
  return (globalThis as { chrome?: { i18n?: I18nApi } }).chrome?.i18n;
}

export function t(key: Key, ...substitutions: Array<string | number>): string {
  const subs = substitutions.map(String);
  const localised = browserI18n()?.getMessage(key, subs);
  if (localised) return localised;
  // chrome.i18n's own rule: $1…$9 are the substitutions, $$ is a dollar sign.
  return english[key].message.replace(/\$(\d|\$)/g, (_, n: string) => (n === '$' ? '$' : (subs[Number(n) - 1] ?? '')));
}
