// A stand-in for src/shared/browser.ts in unit tests of sentences: i18n.getMessage answers from
// the English catalog with $1…$9 filled in, as browsers do
// (https://developer.chrome.com/docs/extensions/reference/api/i18n#method-getMessage).
// Use with: vi.mock('../../src/shared/browser', () => import('../support/catalog-browser')).
import { readFileSync } from 'node:fs';

const catalog = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Record<string, { message: string }>;

function getMessage(key: string, substitutions: string[] = []): string {
  const message = catalog[key]?.message;
  if (message === undefined) return '';
  return message.replace(/\$(\d)/g, (_, digit: string) => substitutions[Number(digit) - 1] ?? '');
}

export const browser = { i18n: { getMessage } };
