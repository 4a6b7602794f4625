// One corpus run against a started server: PUT every item (refusals kept with their reason),
// one engine run into a fresh mirror, then export and judge (corpus-judge.ts), and the summary
// written to test-output/. Shared by the Radicale and the Cyrus corpus tests.
import type { DavTestServer } from '../harness/dav-test-server';
import { itemPath } from '../harness/mirror-check';
import { runMirror } from '../harness/mirror-run';
import { readers } from '../../src/sync/readers/index';
import { addTestAccount, freshDb } from '../support/test-db';
import type { CorpusItem } from './corpus-items';
import { judgeServed, type Judgement, type Served } from './corpus-judge';
import { summarize, writeSummary } from './corpus-summary';
import { putCorpus, type ServedCorpus } from './serve-corpus';

export interface CorpusRun {
  served: ServedCorpus;
  /** Item id → the text the mirror holds. */
  mirror: Map<string, string>;
  /** Item id → why the engine's reader refused it. */
  notRead: Map<string, string>;
  judgements: Judgement[];
  summaryFile: string;
}

export async function runCorpus(params: {
  server: DavTestServer;
  items: CorpusItem[];
  collectionOf: Map<CorpusItem, string>;
  collectionUrl: (collection: string) => string;
}): Promise<CorpusRun> {
  const { server, items } = params;
  const auth = { username: server.username, password: server.password };
  const served = await putCorpus({ items, collectionUrl: params.collectionUrl, collectionOf: params.collectionOf, auth, serverLog: server.output });
  const db = freshDb();
  const setup = { db, account: await addTestAccount(db), readers, serverUrl: server.url, ...auth };
  const { summary } = await runMirror(setup);
  const byPath = new Map(served.placed.map((p) => [itemPath(p.url), p.item.id]));
  const notRead = new Map<string, string>();
  // Items the engine's readers refused: the run reports them (and asks for them again next run).
  for (const error of summary.errors) notRead.set(byPath.get(itemPath(error.href ?? '')) ?? error.href ?? '?', error.message);
  const mirror = new Map<string, string>();
  for (const record of await db.items.toArray()) {
    const id = byPath.get(itemPath(record.href));
    if (id !== undefined) mirror.set(id, record.raw);
  }
  const list: Served[] = served.placed.flatMap((p) => {
    const raw = mirror.get(p.item.id);
    return raw === undefined ? [] : [{ item: p.item, collection: p.collection, raw }];
  });
  const judgements = judgeServed(list);
  const summaryFile = writeSummary(summarize({ server: server.name, items, refused: served.refused, mirrored: new Set(mirror.keys()), notRead, judgements }));
  return { served, mirror, notRead, judgements, summaryFile };
}
