// The browser fidelity drill against Radicale with the whole interop corpus (test/corpus/: 568
// real-world items from ten public projects and the hard cases), one collection per source and
// kind as corpus-interop.test.ts makes them: the account added through the options page, the
// first mirror awaited, the popup's .vcf (3.0) and .ics and the options panel's vCard 4.0 export
// clicked, and each file judged item by item against what Radicale serves. Radicale's own losses
// (a data: URI cut at its comma on PUT, non-UTF-8 stored as Latin-1) are in what it serves, so
// the judge compares with that. The figures go to test-output/fidelity-drill-radicale.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus, type CorpusItem } from '../corpus/corpus-items';
import { assignCollections, putCorpus, type ServedCorpus } from '../corpus/serve-corpus';
import { startRadicale, type RadicaleServer } from '../harness/radicale';
import type { SeedCollection } from '../harness/seed-types';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { drillTexts, runDrill, type DrillRun } from '../browser/fidelity-drill';
import { drillFailures, drillFigures, writeDrillSummary } from '../browser/fidelity-judge';

const collectionName = (item: CorpusItem, round: number): string =>
  `${item.source}.${item.kind === 'vcard' ? 'cards' : 'events'}${round > 1 ? `-${round}` : ''}`;

describe('the fidelity drill in Chromium against Radicale, whole corpus', () => {
  const items = loadCorpus();
  const collectionOf = assignCollections(items, collectionName);
  let radicale: RadicaleServer;
  let ext: ExtensionBrowser;
  let corpus: ServedCorpus;
  let drill: DrillRun;

  beforeAll(async () => {
    const seed: SeedCollection[] = [...new Set(collectionOf.values())].map((name) => ({
      name,
      kind: name.includes('.cards') ? 'addressbook' : 'calendar',
      displayName: name,
    }));
    radicale = await startRadicale({ seed, warm: false });
    corpus = await putCorpus({
      items,
      collectionOf,
      collectionUrl: (name) => radicale.collectionUrl(name),
      auth: { username: radicale.username, password: radicale.password },
      serverLog: radicale.output,
    });
    ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*']) });
  }, 600_000);

  afterAll(async () => {
    await ext?.close();
    await radicale?.stop();
  });

  it('adds the account through the options page and mirrors every stored item exactly as served', async () => {
    console.info(`radicale: ${items.length} items, ${corpus.placed.length} stored, ${corpus.refused.length} refused`);
    expect(corpus.placed.length + corpus.refused.length).toBe(items.length);
    drill = await runDrill({ ext, server: radicale, corpus, label: 'Radicale' });
    expect(drill.addMessage).toMatch(/Account added/);
    expect(drill.notMirrored).toEqual([]);
  }, 900_000);

  it('exports every 4.0 card exactly in 4.0 and every photo Radicale kept with the same bytes', () => {
    expect(drill.textProblems).toEqual([]);
    expect(drill.exact40.length).toBe(drill.served40);
    expect(drill.served40).toBeGreaterThan(0);
  });

  it('reads back every card and calendar object equal, or equal under a documented conversion', () => {
    const summary = {
      server: 'radicale',
      items: items.length,
      refused: corpus.refused.length,
      servedDifferentlyByReport: drill.reportDiffers,
      files: Object.fromEntries(Object.entries(drill.exports).map(([k, v]) => [k, { fileName: v.fileName, sentence: v.sentence }])),
      served40: drill.served40,
      exact40: drill.exact40.length,
      photosCompared: drill.photosCompared,
      figures: drillFigures(drill.judgements),
      notable: drill.judgements.filter((j) => j.status !== 'exact' && j.status !== 'equal'),
    };
    console.info(`fidelity drill summary: ${writeDrillSummary('radicale', summary, drillTexts(drill))}`);
    expect(drillFailures(drill.judgements).map((j) => `${j.mode} ${j.id}: ${j.status} ${JSON.stringify(j.diffs ?? j.error ?? j.export_errors ?? '').slice(0, 400)}`)).toEqual([]);
  });
});
