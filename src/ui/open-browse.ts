// Opens the options page at "Browse the copy". openOptionsPage() takes no address, so the
// page is opened as a tab at the manifest's options page with its #browse route.
import { browser } from '../shared/browser';

export async function openBrowse(): Promise<void> {
  const page = browser.runtime.getManifest().options_ui?.page ?? 'src/options/index.html';
  await browser.tabs.create({ url: browser.runtime.getURL(`${page}#browse`) });
}
