// Lifeboat as a person runs it: the built extension in Chromium, an account added through the
// options page. Figures come from the extension itself: each sync run's record in IndexedDB
// (startedAt, finishedAt, written by the engine), and times taken inside its pages.
import type { Page } from 'playwright-core';
import { launchExtensionBrowser, type ExtensionBrowser } from '../test/browser/extension-browser';
import { prepareExtensionCopy } from '../test/browser/extension-copy';
import { countStore, readStore } from '../test/browser/extension-db';
import { clickAccountButton, fillAccountForm, openOptions } from '../test/browser/extension-pages';
import type { RunRecord } from '../src/model/run';
import type { CommandName, Params, Result, RpcResponse } from '../src/shared/rpc-contract';
import type { DavAccount } from './vdirsyncer-run';

export interface LifeboatBrowser {
  ext: ExtensionBrowser;
  /** The options page, kept open: commands are sent and the database read from it. */
  page: Page;
  close(): Promise<void>;
}

/** `distDir`: the built extension to load (another build, to compare two side by side). */
export async function startLifeboat(distDir = 'dist'): Promise<LifeboatBrowser> {
  const extensionDir = prepareExtensionCopy(distDir, ['http://127.0.0.1/*']);
  const ext = await launchExtensionBrowser({ extensionDir, headless: true });
  const page = await openOptions(ext);
  return { ext, page, close: () => ext.close() };
}

/** Adds the account through the form, as a person would; the first mirror starts by itself. */
export async function addAccount(lifeboat: LifeboatBrowser, account: DavAccount): Promise<void> {
  await fillAccount(lifeboat, account);
  await clickAddAccount(lifeboat);
}

/** Types the account into the form, without clicking: what a person does before the clock starts. */
export function fillAccount(lifeboat: LifeboatBrowser, account: DavAccount): Promise<void> {
  return fillAccountForm(lifeboat.page, { serverUrl: account.url, username: account.username, password: account.password, label: 'Benchmark' });
}

/** Clicks "Add account" on the filled form; returns once the form says the account was added. */
export async function clickAddAccount(lifeboat: LifeboatBrowser): Promise<void> {
  const message = await clickAccountButton(lifeboat.page);
  if (!message.startsWith('Account added')) throw new Error(`The account was not added: ${message}`);
}

/** Sends a command to the worker from the options page; `ms` is the page's own clock around it. */
export async function command<K extends CommandName>(lifeboat: LifeboatBrowser, rpc: K, params: Params<K>): Promise<{ ms: number; result: Result<K> }> {
  const { ms, response } = await lifeboat.page.evaluate(async (request) => {
    const start = performance.now();
    const answer = (await chrome.runtime.sendMessage(request)) as unknown;
    return { ms: performance.now() - start, response: answer };
  }, { rpc, params });
  const answer = response as RpcResponse<K>;
  if (!answer.ok) throw new Error(`${rpc} failed: ${answer.error}`);
  return { ms, result: answer.result };
}

/**
 * Clears the scheduled sync, so that only the benchmark's own "Sync now" runs are measured: a
 * fresh install schedules its first run a minute after start (background/schedule.ts), which
 * would otherwise pick up upstream changes in the middle of the benchmark making them. The
 * worker re-creates the alarm when it next starts, so call this right before such a moment.
 */
export async function pauseSchedule(lifeboat: LifeboatBrowser): Promise<void> {
  // SYNC_ALARM of background/schedule.ts, which cannot be imported here: it loads the browser API.
  await lifeboat.page.evaluate((name) => chrome.alarms.clear(name), 'lifeboat-sync');
}

export async function runs(lifeboat: LifeboatBrowser): Promise<RunRecord[]> {
  return (await readStore<RunRecord>(lifeboat.page, 'runs')).sort((a, b) => (a.id ?? 0) - (b.id ?? 0));
}

/** Waits until `count` runs have finished; returns the last one. */
export async function waitForRuns(lifeboat: LifeboatBrowser, count: number, timeoutMs: number, pollMs = 200): Promise<RunRecord> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const finished = (await runs(lifeboat)).filter((run) => run.finishedAt !== null);
    if (finished.length >= count) return finished[count - 1]!;
    if (Date.now() > deadline) throw new Error(`Run ${count} did not finish within ${timeoutMs / 1000} s.`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** What the engine itself recorded: from the run's start to its end, in ms. */
export function runDuration(run: RunRecord): number {
  if (run.finishedAt === null) throw new Error('The run has not finished.');
  if (run.outcome !== 'ok') throw new Error(`The run ended ${run.outcome}: ${run.errors.map((e) => e.message).slice(0, 3).join('; ')}`);
  return run.finishedAt - run.startedAt;
}

export function countItems(lifeboat: LifeboatBrowser): Promise<number> {
  return countStore(lifeboat.page, 'items');
}
