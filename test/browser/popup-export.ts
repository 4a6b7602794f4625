// One click on the popup's export button, as a person makes it: waits for the popup to say the
// file is saved and for the download to finish, and returns the file's text.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './extension-browser';
import { waitForFile } from './wait-for-file';
import { exportFileName } from '../../src/exporters/file-names';

const BUTTONS = { contacts: 'Export contacts (.vcf)', calendars: 'Export calendars (.ics)' } as const;
const EXTENSIONS = { contacts: 'vcf', calendars: 'ics' } as const;

export async function exportFromPopup(ext: ExtensionBrowser, popup: Page, what: 'contacts' | 'calendars'): Promise<string> {
  await popup.getByRole('button', { name: BUTTONS[what] }).click();
  await popup.getByRole('status').filter({ hasText: `Saved lifeboat-${what}` }).waitFor();
  return readFileSync(await waitForFile(ext.downloadsDir, exportFileName(what, new Date(), EXTENSIONS[what])), 'utf8');
}
