// Keeps the ready export pages honest: every write to an item makes the page that holds it stale
// in the write's own transaction (so a stale page can never be served), whichever module writes
// (a mirror run, a restore, history, retention, a removal). Dexie DBCore middleware
// (https://dexie.org/docs/Dexie/Dexie.use()), as counters-middleware.ts. While no export is kept
// ready (no layout record) a write costs one read of two small keys. A change to the set of
// accounts (the live export reads by account) drops every page: they are built again lazily.
import type { DBCore, DBCoreKeyRange, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';
import { keepsStore, recordsReplaced, stepsInOrder, tablesWithMutate } from '../mutate-wrapper';
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

function movesOf(layouts: ExportLayoutRecord[], request: DBCoreMutateRequest, before: unknown[], response: DBCoreMutateResponse): Moves {
  const moves: Moves = new Map();
  const failed = (index: number) => request.type !== 'deleteRange' && response.failures[index] !== undefined;
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

async function markStale(pages: DBCoreTable, trans: DBCoreTransaction, moves: Moves): Promise<void> {
  if (moves.size === 0) return;
  const keys = [...moves.keys()];
  const records = (await pages.getMany({ trans, keys })) as Array<ExportPageRecord | undefined>;
  const values = keys.map((id, index): ExportPageRecord => {
    const { kind, n, out, in: added } = moves.get(id)!;
    const ids = new Set(records[index]?.ids ?? []);
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
        const widen = mode === 'readwrite' && (stores.includes('items') || stores.includes('accounts')) && !stores.includes(PAGES);
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
            const before = await recordsReplaced(table, request);
            const response = await table.mutate(request);
            if (name === 'accounts') {
              if (accountsChanged(request, before)) await dropReadyExports(down, trans);
            } else await markStale(down.table(PAGES), trans, movesOf(layouts, request, before, response));
            return response;
          });
        },
      ),
    };
  },
};
