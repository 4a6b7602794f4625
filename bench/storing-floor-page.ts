// The storing floor's in-page half, bundled for Chromium by storing-floor-bundle.ts: the floor's
// own client (floor-client.ts, its pattern and plain scanning unchanged) run in a page of the
// built extension, whose host access lets it fetch from the loopback server, with every multiget
// answer also written into IndexedDB: one object store keyed by href, values { href, etag, raw },
// no index, one readwrite transaction per answer. The least any browser extension must do to
// keep the copy: no XML parser, no vCard or iCalendar reading, nothing but the texts stored.
import { FloorClient } from './floor-client';
import type { FloorPattern } from './floor-pattern';
import { elementText, scanResponses } from './floor-wire';
import type { DavAccount } from './vdirsyncer-run';

export interface StoringFloorRequest {
  account: DavAccount;
  vcard4: boolean;
  pattern: FloorPattern;
  /** A database name not used before in this profile. */
  database: string;
  /** False: the floor client alone in the page, nothing stored (what running in Chromium costs). */
  store: boolean;
}

export interface StoringFloorRun {
  ms: number;
  requests: number;
  bytes: number;
  /** Texts the answers carried (the floor client's own count). */
  items: number;
  /** Records in the store once every transaction completed. */
  stored: number;
  transactions: number;
  pattern: string;
}

const STORE = 'items';
// The item's text: escaped (Radicale) or in a CDATA section (Cyrus), as floor-client.ts's DATA.
const DATA_TEXT = /<(?:[\w-]+:)?(?:address|calendar)-data[^>]*>([\s\S]*?)<\/(?:[\w-]+:)?(?:address|calendar)-data>/;
const CDATA = /^\s*<!\[CDATA\[([\s\S]*)\]\]>\s*$/;
const ENTITY = /&(lt|gt|amp|quot|apos|#x[0-9a-f]+|#\d+);/gi;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** The five XML entities and character references (XML 1.0 §4.6, §4.1): all an escaped text holds. */
function unescapeXml(text: string): string {
  return text.replace(ENTITY, (_, name: string) => {
    if (name[0] !== '#') return NAMED[name.toLowerCase()] ?? '';
    return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
  });
}

function openDatabase(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => void open.result.createObjectStore(STORE, { keyPath: 'href' });
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(new Error(String(open.error)));
  });
}

/** Puts one answer's texts in one transaction; resolves on its `complete`. */
function storeAnswer(db: IDBDatabase, body: string, base: string): Promise<void> {
  const tx = db.transaction(STORE, 'readwrite');
  const store = tx.objectStore(STORE);
  for (const response of scanResponses(body, base)) {
    const data = DATA_TEXT.exec(response.text)?.[1];
    if (data === undefined) continue;
    const cdata = CDATA.exec(data)?.[1];
    store.put({ href: response.href, etag: elementText(response.text, 'getetag') ?? '', raw: cdata ?? unescapeXml(data) });
  }
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(new Error(String(tx.error)));
    tx.onabort = () => reject(new Error(`aborted: ${String(tx.error)}`));
  });
}

function count(db: IDBDatabase): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = db.transaction(STORE).objectStore(STORE).count();
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(new Error(String(request.error)));
  });
}

/**
 * floor-wire.ts counts bytes and encodes the credentials with Node's Buffer; the page has
 * TextEncoder and btoa for the same two uses.
 */
function shimBuffer(): void {
  const encoder = new TextEncoder();
  const shim = {
    from: (text: string) => ({ toString: () => btoa(String.fromCharCode(...encoder.encode(text))) }),
    byteLength: (text: string) => encoder.encode(text).length,
  };
  (globalThis as unknown as { Buffer: unknown }).Buffer = shim;
}

/**
 * Has every multiget answer also written into `db` while `run` goes on: fetch is wrapped so that
 * an answer starts its transaction before the floor client reads it, and the next request goes
 * out without waiting for the commit (the pattern's requests in flight stay as the floor has
 * them). Resolves once every transaction has completed; `commits` counts them.
 */
async function storingAnswers<T>(db: IDBDatabase | null, run: () => Promise<T>): Promise<{ result: T; commits: number }> {
  const commits: Array<Promise<void>> = [];
  const plainFetch = globalThis.fetch.bind(globalThis);
  if (db !== null) globalThis.fetch = async (input, init) => {
    const response = await plainFetch(input, init);
    if (typeof init?.body !== 'string' || !init.body.includes('multiget')) return response;
    const text = await response.text();
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    commits.push(storeAnswer(db, text, url));
    return new Response(text, { status: response.status });
  };
  try {
    const result = await run();
    await Promise.all(commits);
    return { result, commits: commits.length };
  } finally {
    globalThis.fetch = plainFetch;
  }
}

/** The floor's first mirror with each multiget answer stored; the clock stops when every transaction has completed. */
export async function storingFloor(request: StoringFloorRequest): Promise<StoringFloorRun> {
  shimBuffer();
  const db = await openDatabase(request.database);
  try {
    const start = performance.now();
    const { result: run, commits } = await storingAnswers(request.store ? db : null, () => new FloorClient(request.account, request.vcard4).firstMirror(request.pattern));
    const ms = performance.now() - start;
    return { ms, requests: run.requests, bytes: run.bytes, items: run.items, stored: await count(db), transactions: commits, pattern: run.pattern };
  } finally {
    db.close();
  }
}

/** The floor clients kept in the page between calls, by name, with the tokens their first mirrors saved. */
const kept = new Map<string, FloorClient>();

/**
 * The floor's syncs fetched by Chromium, each client kept under its `name`: `first` mirrors (and saves the tokens), then `sync` asks
 * what changed since, as floor-client.ts does from Node. What a browser's own network stack adds
 * to the cheapest pattern (browser-sync-floor.ts); with `database`, each multiget answer is also
 * stored there as storingFloor stores it, the clock stopping when every transaction completed.
 */
export async function syncFloor(request: { name: string; account: DavAccount; vcard4: boolean; pattern: FloorPattern; step: 'first' | 'sync'; database?: string }): Promise<{ ms: number; items: number; pattern: string }> {
  shimBuffer();
  if (request.step === 'first') kept.set(request.name, new FloorClient(request.account, request.vcard4));
  const client = kept.get(request.name);
  if (client === undefined) throw new Error(`The floor "${request.name}" in the page has not mirrored yet.`);
  const db = request.database === undefined ? null : await openDatabase(request.database);
  try {
    const start = performance.now();
    const { result: run } = await storingAnswers(db, () => (request.step === 'first' ? client.firstMirror(request.pattern) : client.sync()));
    return { ms: performance.now() - start, items: run.items, pattern: run.pattern };
  } finally {
    db?.close();
  }
}

// The bundle's exports, for page.evaluate to call (storing-floor-bundle.ts).
Object.assign(globalThis, { storingFloor, syncFloor });
