// Every string a person reads comes from _locales/<lang>/messages.json through the
// browser's i18n API, so the extension can be translated without touching code.
import { browser } from './browser';
import type messages from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof messages;

export function t(key: MessageKey, ...substitutions: Array<string | number>): string {
  const text = browser.i18n.getMessage(key, substitutions.map(String));
  return text || key;
}
