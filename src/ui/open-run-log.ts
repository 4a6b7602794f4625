// Opens the options page at its run log, which names each item kept as served but unreadable
// and each item the server did not send. openOptionsPage() takes no address, so the page is
// opened as a tab with the run log's anchor (see RUN_LOG_ANCHOR in options/run-log.tsx).
import { browser } from '../shared/browser';

export const RUN_LOG_ANCHOR = 'run-log';

export async function openRunLog(): Promise<void> {
  const page = browser.runtime.getManifest().options_ui?.page ?? 'src/options/index.html';
  await browser.tabs.create({ url: browser.runtime.getURL(`${page}#${RUN_LOG_ANCHOR}`) });
}
