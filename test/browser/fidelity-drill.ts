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
import { fetchByReport, fetchServed, type ServedItem } from './fidelity-served';

export interface DrillRun extends DrillResult {
  served: ServedItem[];
  /** Item ids the mirror does not hold as the server serves them (with what differs). */
  notMirrored: string[];
  /** Items the server serves differently in a multiget REPORT than on GET (the REPORT's text is the reference). */
  reportDiffers: string[];
  /** Item id → the mirror's text, for the items in notMirrored. */
  mirrored: Map<string, string>;
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
  const got = await fetchServed(corpus.placed, auth, params.cardAccept);
  const mirror = await mirrorByPath(popup);
  // Where GET and the multiget REPORT a client syncs with answer differently, the REPORT's text
  // is what the extension was served: it is the reference, and the item is named.
  const reportDiffers: string[] = [];
  const served: ServedItem[] = [];
  for (const s of got) {
    const held = mirror.get(itemPath(s.placement.url));
    if (held === undefined || held === s.text) {
      served.push(s);
      continue;
    }
    const version = params.cardAccept ? /version=([\d.]+)/.exec(params.cardAccept)?.[1] : undefined;
    const reported = await fetchByReport(s.placement, auth, version);
    if (reported !== s.text) reportDiffers.push(s.placement.item.id);
    served.push({ ...s, text: reported });
  }
  const differing = served.filter((s) => mirror.get(itemPath(s.placement.url)) !== s.text);
  const notMirrored = differing.map((s) => `${s.placement.item.id}: ${mirror.has(itemPath(s.placement.url)) ? 'differs from what the server serves' : 'not in the mirror'}`);
  const mirrored = new Map(differing.map((s) => [s.placement.item.id, mirror.get(itemPath(s.placement.url)) ?? '']));
  const vcf30 = await exportFromPopupButton(ext, popup, 'contacts');
  const ics = await exportFromPopupButton(ext, popup, 'calendars');
  const vcf40 = await exportFromOptionsPanel(ext, options, 'contacts', '4.0');
  await popup.close();
  await options.close();
  const result = judgeDrill(served, { vcf30: vcf30.text, vcf40: vcf40.text, ics: ics.text });
  return { ...result, served, notMirrored, mirrored, reportDiffers, exports: { vcf30, vcf40, ics }, addMessage };
}

/** The exports and the served texts by name, for writeDrillSummary. */
export function drillTexts(drill: DrillRun): Record<string, string> {
  return {
    'export-3.0.vcf': drill.exports.vcf30.text,
    'export-4.0.vcf': drill.exports.vcf40.text,
    'export.ics': drill.exports.ics.text,
    ...Object.fromEntries(drill.served.map((s) => [`served-${s.placement.item.id}`, s.text])),
    ...Object.fromEntries([...drill.mirrored].map(([id, text]) => [`mirror-${id}`, text])),
  };
}
