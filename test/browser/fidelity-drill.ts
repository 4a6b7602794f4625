// The browser fidelity drill on one server holding corpus items: the account added through the
// options page as a person adds it, the first mirror awaited, the exports clicked (popup: .vcf in
// the default 3.0 and .ics; options panel: .vcf in 4.0), and each file judged item by item
// against what the server serves (fidelity-judge.ts).
import type { DavTestServer } from '../harness/dav-test-server';
import { itemPath } from '../harness/mirror-check';
import type { ServedCorpus } from '../corpus/serve-corpus';
import type { ExtensionBrowser } from './extension-browser';
import { openOptions, openPopup, submitAccount } from './extension-pages';
import { exportFromOptionsPanel, exportFromPopupButton, type Exported } from './fidelity-export';
import { judgeDrill, type DrillResult } from './fidelity-judge';
import { mirrorByPath, waitForItems } from './fidelity-mirror';
import { fetchServed, type ServedItem } from './fidelity-served';

export interface DrillRun extends DrillResult {
  served: ServedItem[];
  /** Item ids the mirror does not hold as the server serves them (with what differs). */
  notMirrored: string[];
  exports: { vcf30: Exported; vcf40: Exported; ics: Exported };
  addMessage: string;
}

export async function runDrill(params: { ext: ExtensionBrowser; server: DavTestServer; corpus: ServedCorpus; cardAccept?: string; label: string }): Promise<DrillRun> {
  const { ext, server, corpus } = params;
  const auth = { username: server.username, password: server.password };
  const options = await openOptions(ext);
  const addMessage = await submitAccount(options, { serverUrl: server.url, ...auth, label: params.label });
  const popup = await openPopup(ext);
  const started = Date.now();
  await waitForItems(popup, corpus.placed.length);
  console.info(`${params.label}: first mirror of ${corpus.placed.length} items in ${Date.now() - started} ms`);
  const served = await fetchServed(corpus.placed, auth, params.cardAccept);
  const mirror = await mirrorByPath(popup);
  const notMirrored = served.filter((s) => mirror.get(itemPath(s.placement.url)) !== s.text).map((s) => `${s.placement.item.id}: ${mirror.has(itemPath(s.placement.url)) ? 'differs from the GET' : 'not in the mirror'}`);
  const vcf30 = await exportFromPopupButton(ext, popup, 'contacts');
  const ics = await exportFromPopupButton(ext, popup, 'calendars');
  const vcf40 = await exportFromOptionsPanel(ext, options, 'contacts', '4.0');
  await popup.close();
  await options.close();
  const result = judgeDrill(served, { vcf30: vcf30.text, vcf40: vcf40.text, ics: ics.text });
  return { ...result, served, notMirrored, exports: { vcf30, vcf40, ics }, addMessage };
}
