// Runs the real engine (syncAccount) against a real server the way the extension does: one DAV
// source per kind of collection, combined, with a fetch that counts every request.
import type { AccountRecord } from '../../src/model/account';
import type { LifeboatDb } from '../../src/db/schema';
import { combineSources } from '../../src/providers/combined-source';
import { createDavSource, type DavSource, type DavSourceOptions } from '../../src/providers/dav/dav-source';
import type { Discovery } from '../../src/model/discovery';
import type { CollectionKind, Source } from '../../src/model/source';
import type { Readers } from '../../src/model/item-reader';
import { syncAccount } from '../../src/sync/sync-account';
import type { RunSummary } from '../../src/model/run-summary';

export interface SeenRequest {
  method: string;
  url: string;
  depth: string | null;
  /** Which REPORT: sync-collection, addressbook-multiget, calendar-multiget. */
  report: string | null;
}

export interface CountingFetch {
  fetch: typeof fetch;
  requests: SeenRequest[];
}

/** Wraps the global fetch and records each request before it goes out. */
export function countingFetch(): CountingFetch {
  const requests: SeenRequest[] = [];
  const wrapped: typeof fetch = (input, init) => {
    const headers = new Headers(init?.headers);
    const body = typeof init?.body === 'string' ? init.body : '';
    requests.push({
      method: init?.method ?? 'GET',
      url: input instanceof Request ? input.url : input.toString(),
      depth: headers.get('Depth'),
      report: /<[\w]+:(sync-collection|addressbook-multiget|calendar-multiget)\b/.exec(body)?.[1] ?? null,
    });
    return fetch(input, init);
  };
  return { fetch: wrapped, requests };
}

export interface MirrorSetup {
  db: LifeboatDb;
  account: AccountRecord;
  readers: Readers;
  /** Where the client connects (a server, or a fault proxy in front of one). */
  serverUrl: string;
  username: string;
  password: string;
  kinds?: CollectionKind[];
  options?: DavSourceOptions;
  batchSize?: number;
  /** Batches of one collection fetched at once (the engine's default when unset). */
  fetchDepth?: number;
  /** Bytes of answers the run holds at once across its collections (the engine's default when unset). */
  answerBudgetBytes?: number;
}

export interface MirrorSource {
  /** The combined source the engine sees. */
  source: Source;
  /** Its DAV source per kind, e.g. to read `.discovery` after a run. */
  dav: Partial<Record<CollectionKind, DavSource>>;
}

/**
 * A source as the extension builds one for an account (see providers/source-for-account.ts);
 * `discovery` hands in homes found by an earlier run, as the extension could keep them.
 */
export function mirrorSource(setup: MirrorSetup, fetchImpl: typeof fetch, discovery: Partial<Record<CollectionKind, Discovery>> = {}): MirrorSource {
  const dav: Partial<Record<CollectionKind, DavSource>> = {};
  for (const kind of setup.kinds ?? ['addressbook', 'calendar']) {
    const conn = { serverUrl: setup.serverUrl, username: setup.username, password: setup.password, fetch: fetchImpl };
    const known = discovery[kind];
    dav[kind] = createDavSource(conn, kind, known ? { ...setup.options, discovery: known } : setup.options);
  }
  return { source: combineSources(dav), dav };
}

export interface MirrorRun {
  summary: RunSummary;
  requests: SeenRequest[];
}

/** One sync run with a fresh source (as each scheduled run has), counting its requests. */
export async function runMirror(setup: MirrorSetup, source?: Source, counter = countingFetch()): Promise<MirrorRun> {
  const deps = {
    db: setup.db,
    source: source ?? mirrorSource(setup, counter.fetch).source,
    readers: setup.readers,
    now: Date.now,
    ...(setup.batchSize === undefined ? {} : { batchSize: setup.batchSize }),
    ...(setup.fetchDepth === undefined ? {} : { fetchDepth: setup.fetchDepth }),
    ...(setup.answerBudgetBytes === undefined ? {} : { answerBudgetBytes: setup.answerBudgetBytes }),
  };
  const summary = await syncAccount(deps, setup.account);
  return { summary, requests: counter.requests };
}
