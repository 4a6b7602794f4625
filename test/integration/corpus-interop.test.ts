// The interop corpus (test/corpus/: real-world items from ten public projects, and generated
// hard cases) served by Radicale, mirrored by the engine, exported, and judged by parsers that
// are not the exporter's (Python's vobject and icalendar; see test/corpus/corpus-judge.ts).
// Every item is accounted for: refused by the server (with its reason), or mirrored exactly as
// served and exported so that every property reads back equal, or equal after a documented
// conversion rule, or listed in KNOWN_DIFFERENCES below with why. The figures go to
// test-output/corpus-radicale.json, which docs/FIDELITY.md quotes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readers } from '../../src/sync/readers/index';
import { loadCorpus, type CorpusItem } from '../corpus/corpus-items';
import { judgeServed, type Judgement, type Served } from '../corpus/corpus-judge';
import { summarize, writeSummary } from '../corpus/corpus-summary';
import { assignCollections, putCorpus, type ServedCorpus } from '../corpus/serve-corpus';
import { itemPath, serverTexts } from '../harness/mirror-check';
import { runMirror } from '../harness/mirror-run';
import { startRadicale, type RadicaleServer } from '../harness/radicale';
import type { SeedCollection } from '../harness/seed-types';
import { addTestAccount, freshDb } from '../support/test-db';

/**
 * Judgements that are not failures, each with its reason. Keyed by `<mode> <item id>`; a key
 * may end with `*` to cover every item of a source in that mode.
 */
export const KNOWN_DIFFERENCES: Record<string, string> = {};

const OK = new Set(['exact', 'equal', 'converted-equal']);

function allowed(j: Judgement): string | undefined {
  const key = `${j.mode} ${j.id}`;
  for (const [pattern, reason] of Object.entries(KNOWN_DIFFERENCES)) {
    if (pattern === key || (pattern.endsWith('*') && key.startsWith(pattern.slice(0, -1)))) return reason;
  }
  return undefined;
}

const collectionName = (item: CorpusItem, round: number): string =>
  `${item.source}.${item.kind === 'vcard' ? 'cards' : 'events'}${round > 1 ? `-${round}` : ''}`;

describe('the interop corpus through Radicale', () => {
  const items = loadCorpus();
  const collectionOf = assignCollections(items, collectionName);
  let server: RadicaleServer;
  let served: ServedCorpus;
  const mirror = new Map<string, string>();
  const notRead = new Map<string, string>();
  let judgements: Judgement[] = [];
  const auth = () => ({ username: server.username, password: server.password });

  beforeAll(async () => {
    const seed: SeedCollection[] = [...new Set(collectionOf.values())].map((name) => ({
      name,
      kind: name.includes('.cards') ? 'addressbook' : 'calendar',
      displayName: name,
    }));
    server = await startRadicale({ seed, warm: false });
    served = await putCorpus({ items, collectionUrl: server.collectionUrl, collectionOf, auth: auth(), serverLog: server.output });
    const db = freshDb();
    const setup = { db, account: await addTestAccount(db), readers, serverUrl: server.url, username: server.username, password: server.password };
    const { summary } = await runMirror(setup);
    const byPath = new Map(served.placed.map((p) => [itemPath(p.url), p.item.id]));
    // Items the engine's readers refused: the run reports them (and fetches them again next time).
    for (const error of summary.errors) notRead.set(byPath.get(itemPath(error.href ?? '')) ?? error.href ?? '?', error.message);
    for (const record of await db.items.toArray()) {
      const id = byPath.get(itemPath(record.href));
      if (id !== undefined) mirror.set(id, record.raw);
    }
    const list: Served[] = served.placed.flatMap((p) => (mirror.has(p.item.id) ? [{ item: p.item, collection: p.collection, raw: mirror.get(p.item.id)! }] : []));
    judgements = judgeServed(list);
    const file = writeSummary(summarize({ server: 'radicale', items, refused: served.refused, mirrored: new Set(mirror.keys()), notRead, judgements }));
    console.info(`corpus summary: ${file}`);
  }, 600_000);
  afterAll(async () => {
    await server?.stop();
  });

  it('holds at least 200 items from at least 8 public projects, and the hard cases', () => {
    const sources = new Set(items.map((i) => i.source));
    expect(items.filter((i) => i.source !== 'hard-cases').length).toBeGreaterThanOrEqual(200);
    expect(sources.size - 1).toBeGreaterThanOrEqual(8);
    expect(sources.has('hard-cases')).toBe(true);
  });

  it('has every item stored by the server or refused with the server\'s reason', () => {
    expect(served.placed.length + served.refused.length).toBe(items.length);
    for (const refusal of served.refused) expect(refusal.reason, refusal.id).not.toBe('');
    console.info(`Radicale refused ${served.refused.length} of ${items.length}: ${served.refused.map((r) => `${r.id} (${r.status})`).join(', ')}`);
  });

  it('mirrors every stored item exactly as the server serves it', async () => {
    // "Never lose data": an item the server holds but the engine cannot read must still be kept.
    const missing = served.placed.filter((p) => !mirror.has(p.item.id));
    expect(missing.map((p) => `${p.item.id}: ${notRead.get(p.item.id) ?? 'not in the mirror'}`)).toEqual([]);
    for (const collection of new Set(served.placed.map((p) => p.collection))) {
      const texts = await serverTexts(server.collectionUrl(collection), auth());
      for (const p of served.placed.filter((x) => x.collection === collection)) {
        expect(mirror.get(p.item.id), p.item.id).toBe(texts.get(itemPath(p.url)));
      }
    }
  });

  for (const mode of ['export-served', 'export-3.0', 'export-ics'] as const) {
    it(`reads back every item of the ${mode} export equal, or with a listed reason`, () => {
      const own = judgements.filter((j) => j.mode === mode);
      expect(own.length).toBeGreaterThan(0);
      const failures = own.filter((j) => !OK.has(j.status) && allowed(j) === undefined);
      expect(failures.map((j) => `${j.id}: ${j.status} ${JSON.stringify(j.diffs ?? j.reason ?? j.error ?? '').slice(0, 400)}`)).toEqual([]);
    });
  }
});
