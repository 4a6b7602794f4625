// The fidelity drill through the real extension in Chromium against Cyrus IMAP (the server
// Fastmail runs): every hard case (test/corpus/hard-cases/) and a broad sample of the corpus PUT
// to Cyrus, the account added through the options page, the first mirror awaited, the popup's
// exports (.vcf 3.0, .ics) and the options panel's vCard 4.0 export clicked, and the files
// judged item by item against what Cyrus serves when asked for vCard 4.0, as the extension asks:
// 4.0 cards exact in the 4.0 export, every card equal (or equal under the documented
// conversions) in the 3.0 export, every photo the same bytes, every event and task present by
// UID with every property. The figures go to test-output/fidelity-drill-cyrus.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hardCases, loadCorpus, type CorpusItem } from '../corpus/corpus-items';
import { assignCollections, putCorpus, type ServedCorpus } from '../corpus/serve-corpus';
import { startCyrus, type CyrusServer } from '../harness/cyrus';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { runDrill, type DrillRun } from '../browser/fidelity-drill';
import { drillFailures, drillFigures, writeDrillSummary } from '../browser/fidelity-judge';
import { drillTexts } from '../browser/fidelity-drill';

/** Every card of the corpus and every third calendar object, from every source: a broad sample. */
function sample(): CorpusItem[] {
  const others = loadCorpus().filter((item) => item.source !== 'hard-cases');
  const calendars = others.filter((item) => item.kind === 'ical').filter((_, index) => index % 3 === 0);
  return [...hardCases(), ...others.filter((item) => item.kind === 'vcard'), ...calendars];
}

describe('the fidelity drill in Chromium against Cyrus IMAP', () => {
  let cyrus: CyrusServer;
  let ext: ExtensionBrowser;
  let corpus: ServedCorpus;
  let items: CorpusItem[];
  let drill: DrillRun;

  beforeAll(async () => {
    cyrus = await startCyrus();
    // Cyrus has one address book and one calendar; an item repeating a UID already there is left out.
    const all = sample();
    const assigned = assignCollections(all, (item, round) => (round === 1 ? item.kind : `repeat-${round}`));
    items = all.filter((item) => !assigned.get(item)?.startsWith('repeat'));
    corpus = await putCorpus({
      items,
      collectionOf: assigned,
      collectionUrl: (kind) => (kind === 'vcard' ? cyrus.addressBookUrl : cyrus.calendarUrl),
      auth: { username: cyrus.username, password: cyrus.password },
      serverLog: cyrus.output,
    });
    ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
  }, 300_000);

  afterAll(async () => {
    await ext?.close();
    await cyrus?.stop();
  });

  it('adds the account through the options page and mirrors every item Cyrus stored exactly as served', async () => {
    console.info(`cyrus: ${items.length} items, ${corpus.placed.length} stored, ${corpus.refused.length} refused`);
    expect(corpus.placed.length + corpus.refused.length).toBe(items.length);
    expect(corpus.placed.filter((p) => p.item.source === 'hard-cases').length).toBeGreaterThanOrEqual(11);
    // Asked for in 4.0 as the extension asks: the data: URI photos are served whole.
    drill = await runDrill({ ext, server: cyrus, corpus, cardAccept: 'text/vcard; version=4.0', label: 'Cyrus' });
    expect(drill.addMessage).toMatch(/Account added/);
    expect(drill.notMirrored).toEqual([]);
  }, 600_000);

  it('exports every 4.0 card exactly in 4.0 and every photo with the same bytes', () => {
    expect(drill.textProblems).toEqual([]);
    expect(drill.exact40.length).toBe(drill.served40);
    expect(drill.served40).toBeGreaterThan(0);
    expect(drill.photosCompared).toBeGreaterThanOrEqual(3);
  });

  it('reads back every card and calendar object equal, or equal under a documented conversion', () => {
    const summary = {
      server: 'cyrus',
      items: items.length,
      refused: corpus.refused,
      servedDifferentlyByReport: drill.reportDiffers,
      files: Object.fromEntries(Object.entries(drill.exports).map(([k, v]) => [k, { fileName: v.fileName, sentence: v.sentence }])),
      served40: drill.served40,
      exact40: drill.exact40.length,
      photosCompared: drill.photosCompared,
      figures: drillFigures(drill.judgements),
      notable: drill.judgements.filter((j) => j.status !== 'exact' && j.status !== 'equal'),
    };
    console.info(`fidelity drill summary: ${writeDrillSummary('cyrus', summary, drillTexts(drill))}`);
    const hard = drill.judgements.filter((j) => j.id.startsWith('hard-cases/'));
    // The hard cases at 100%: every one Cyrus stored judged, and none failing.
    expect(new Set(hard.map((j) => j.id)).size).toBe(corpus.placed.filter((p) => p.item.source === 'hard-cases').length);
    expect(drillFailures(drill.judgements).map((j) => `${j.mode} ${j.id}: ${j.status} ${JSON.stringify(j.diffs ?? j.error ?? j.export_errors ?? '').slice(0, 400)}`)).toEqual([]);
  });
});
