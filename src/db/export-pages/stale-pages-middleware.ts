// Keeps the ready export pages honest: every write to an item makes the page that holds it stale
// in the write's own transaction (so a stale page can never be served), whichever module writes
// (a mirror run, a restore, history, retention, a removal). Dexie DBCore middleware
// (https://dexie.org/docs/Dexie/Dexie.use()), as counters-middleware.ts. While no export is kept
// ready (no layout record) a write costs one read of two small keys. A change to the accounts
// written beside items (an account removed with its data) drops every page: they are built again
// lazily; one written alone is caught where the pages are served (the layout lists its accounts).
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { keepsStore, stepsInOrder, tablesWithMutate } from '../mutate-wrapper';
import { knownReplaced, replacedRecords } from '../known-buckets';
import type { ItemRecord } from '../../model/item';
import type { ExportKind } from '../../model/export';
import { EXPORT_ITEM_KINDS, pageOfKey } from './export-order';
import { pageId, type ExportLayoutRecord, type ExportPageRecord } from './page-records';
import { emptyContent } from './page-content';

const PAGES = 'exportPages';
const LAYOUTS = 'exportLayouts';
const KINDS: ExportKind[] = ['contacts', 'calendars'];
const ALL: DBCoreKeyRange = { type: 3, lower: undefined, upper: undefined };

/** One write after the other within a transaction: each reads and rewrites page records. */
const oneAtATime = stepsInOrder();

/** The fields of an item the export reads: a write that keeps them all keeps its page. */
function sameForExport(a: ItemRecord, b: ItemRecord): boolean {
  return (
    a.raw === b.raw && a.title === b.title && a.kind === b.kind && a.live === b.live && a.accountId === b.accountId &&
    a.unreadable === b.unreadable && a.degraded === b.degraded && (a.restoredAt ?? null) === (b.restoredAt ?? null)
  );
}

type Moves = Map<string, { kind: ExportKind; n: number; out: Set<string>; in: Set<string> }>;

function move(moves: Moves, layout: ExportLayoutRecord, item: ItemRecord, way: 'in' | 'out'): void {
  if (item.live !== 1 || !EXPORT_ITEM_KINDS[layout.kind].includes(item.kind)) return;
  const n = pageOfKey(layout.bounds, item);
  const id = pageId(layout.kind, n);
  if (!moves.has(id)) moves.set(id, { kind: layout.kind, n, out: new Set(), in: new Set() });
  moves.get(id)![way].add(item.id);
}

/** The pages a write moves items out of and into; `failures` are the write's, none while it is not done. */
function movesOf(layouts: ExportLayoutRecord[], request: DBCoreMutateRequest, before: unknown[], failures: DBCoreMutateResponse['failures']): Moves {
  const moves: Moves = new Map();
  const failed = (index: number) => request.type !== 'deleteRange' && failures[index] !== undefined;
  const after = request.type === 'add' || request.type === 'put' ? (request.values as ItemRecord[]) : [];
  before.forEach((old, index) => {
    if (failed(index)) return;
    const now = after[index];
    if (old !== undefined && now !== undefined && sameForExport(old as ItemRecord, now)) return;
    for (const layout of layouts) {
      if (old !== undefined) move(moves, layout, old as ItemRecord, 'out');
      if (now !== undefined) move(moves, layout, now, 'in');
    }
  });
  return moves;
}

/** The page records `moves` touch, by id. */
async function pagesOf(pages: DBCoreTable, trans: DBCoreTransaction, moves: Moves): Promise<Map<string, ExportPageRecord | undefined>> {
  const keys = [...moves.keys()];
  if (keys.length === 0) return new Map();
  const records = (await pages.getMany({ trans, keys })) as Array<ExportPageRecord | undefined>;
  return new Map(keys.map((id, index) => [id, records[index]]));
}

/** Marks the moved pages stale; `records` holds each of them as read in this transaction. */
async function markStale(pages: DBCoreTable, trans: DBCoreTransaction, moves: Moves, records: Map<string, ExportPageRecord | undefined>): Promise<void> {
  if (moves.size === 0) return;
  const values = [...moves].map(([id, { kind, n, out, in: added }]): ExportPageRecord => {
    const ids = new Set(records.get(id)?.ids ?? []);
    for (const itemId of out) ids.delete(itemId);
    for (const itemId of added) ids.add(itemId);
    // Stale means no bytes: what is left can only be rebuilt, never served.
    return { id, kind, n, ids: [...ids], stale: true, size: 0, ...emptyContent() };
  });
  await pages.mutate({ type: 'put', trans, values });
}

/** Drops every page and layout: the next export builds them again. */
export async function dropReadyExports(down: DBCore, trans: DBCoreTransaction): Promise<void> {
  await down.table(PAGES).mutate({ type: 'deleteRange', trans, range: ALL });
  await down.table(LAYOUTS).mutate({ type: 'deleteRange', trans, range: ALL });
}

function accountsChanged(request: DBCoreMutateRequest, before: unknown[]): boolean {
  if (request.type === 'delete' || request.type === 'deleteRange') return true;
  return before.some((old) => old === undefined);
}

export const exportPagesMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'export-pages',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        // Only with the items: a write to the accounts alone (a run's progress line, every few
        // hundred milliseconds) must not wait for the pages' stores, which each collection's
        // item writes hold, nor make them wait. The set of accounts the pages were built over is
        // checked where they are served (exporters/ready/keep-pages.ts); a removal, which
        // deletes the items beside the account, still drops the pages here.
        const widen = mode === 'readwrite' && stores.includes('items') && !stores.includes(PAGES);
        return down.transaction(widen ? [...stores, PAGES, LAYOUTS] : stores, mode, options);
      },
      table: tablesWithMutate(
        down,
        (name) => name === 'items' || name === 'accounts',
        (request, table, name) => {
          const { trans } = request;
          if (!keepsStore(trans, PAGES)) return table.mutate(request);
          return oneAtATime(trans, async () => {
            const layouts = ((await down.table(LAYOUTS).getMany({ trans, keys: KINDS })) as Array<ExportLayoutRecord | undefined>).filter(
              (layout): layout is ExportLayoutRecord => layout !== undefined,
            );
            if (layouts.length === 0) return table.mutate(request);
            // What the write replaces: known when the transaction read it first, as a sync run does.
            const before = knownReplaced(table, name, request) ?? (await replacedRecords(table, name, request));
            if (name === 'accounts') {
              const response = await table.mutate(request);
              if (accountsChanged(request, before)) await dropReadyExports(down, trans);
              return response;
            }
            // The pages the write may move are read beside the write, not after it: IndexedDB
            // answers a transaction's requests in order, so neither waits for the other's round
            // trip. A write that fails in part moves fewer pages: those read are a superset.
            const pages = down.table(PAGES);
            const asked = movesOf(layouts, request, before, {});
            const [records, response] = await Promise.all([pagesOf(pages, trans, asked), table.mutate(request)]);
            await markStale(pages, trans, response.numFailures === 0 ? asked : movesOf(layouts, request, before, response.failures), records);
            return response;
          });
        },
      ),
    };
  },
};
