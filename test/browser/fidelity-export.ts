// Exports as a person makes them, returning the file the browser wrote and the sentence the
// page showed: the popup's one-click buttons (vCard 3.0, .ics) and the options page's export
// panel (where vCard 4.0 is chosen). The file is read under the name the sentence gives, so a
// sentence naming a file that was not written fails here.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';
import { showSection } from './extension-pages';
import { waitForFile } from './wait-for-file';

export interface Exported {
  fileName: string;
  sentence: string;
  text: string;
}

const BUTTONS = { contacts: 'Export contacts (.vcf)', calendars: 'Export calendars (.ics)' } as const;

/** "Saved lifeboat-contacts-2026-12-06 (1).vcf: 12 contacts." → the file name. */
function savedName(sentence: string): string {
  const match = /^Saved (.+?\.(?:vcf|ics)): /.exec(sentence);
  if (!match) throw new Error(`The export sentence names no file: ${sentence}`);
  return match[1]!;
}

async function clickAndRead(ext: ExtensionBrowser, scope: Page, within: string, what: keyof typeof BUTTONS): Promise<Exported> {
  const area = scope.locator(within);
  const status = area.getByRole('status').filter({ hasText: /^Saved / });
  const before = (await status.count()) > 0 ? await status.first().textContent() : null;
  await area.getByRole('button', { name: BUTTONS[what] }).click();
  // A second export of the same kind replaces the sentence: wait for one that differs.
  await scope.waitForFunction(
    ([selector, previous]) => {
      const el = [...document.querySelectorAll(`${selector} [role="status"]`)].find((e) => e.textContent?.startsWith('Saved '));
      return !!el && el.textContent !== previous;
    },
    [within, before] as const,
    { timeout: 120_000 },
  );
  const sentence = ((await status.first().textContent()) ?? '').trim();
  const fileName = savedName(sentence);
  const text = readFileSync(await waitForFile(ext.downloadsDir, fileName, 60_000), 'utf8');
  return { fileName, sentence, text };
}

export function exportFromPopupButton(ext: ExtensionBrowser, popup: Page, what: keyof typeof BUTTONS): Promise<Exported> {
  return clickAndRead(ext, popup, 'main.popup', what);
}

/** Options → Export: the vCard version chosen, everything, as the mirror holds it now. */
export async function exportFromOptionsPanel(ext: ExtensionBrowser, options: Page, what: keyof typeof BUTTONS, vcardVersion: '3.0' | '4.0'): Promise<Exported> {
  await showSection(options, 'Export & backups');
  await options.locator('.export-panel').getByLabel('vCard version').selectOption(vcardVersion);
  return clickAndRead(ext, options, '.export-panel', what);
}
