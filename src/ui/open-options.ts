// Opens the options page at one of its addresses (#setup, #accounts…). openOptionsPage() takes
// no address, so the page is opened as a tab at the manifest's options page with the route.
import { browser } from '../shared/browser';

export async function openOptionsAt(route: string): Promise<void> {
  const page = browser.runtime.getManifest().options_ui?.page ?? 'src/options/index.html';
  await browser.tabs.create({ url: browser.runtime.getURL(`${page}#${route}`) });
}
