// Saves a file built from the mirror into the user's Downloads folder without a dialog. The
// file is built where a blob URL can live beyond the click: the offscreen document in Chrome
// (a service worker has no URL.createObjectURL), the event page itself in Firefox. Both read
// the same database, so no large data crosses a message, and closing the popup never cancels
// a download.
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';
import { openDb } from '../db/schema';
import { buildFile } from '../archive/build-file';
import type { ArchiveParams, ArchiveResult, ExportKind, ExportParams, ExportResult, FileRequest } from '../model/export';
import type { OffscreenBuilt, OffscreenRequest } from '../shared/offscreen-messages';
import { timedPhase } from '../shared/phase-times';

export interface SavedFile<Result> {
  result: Result;
  downloadId: number;
}

export interface SaveOptions {
  /** A subfolder of Downloads (snapshots go to their own). */
  folder?: string;
  /** Wait for the download and report the name really written (a person reads it). */
  confirmName?: boolean;
}

/**
 * Saves an export and reports the name the browser really wrote: with conflictAction
 * 'uniquify' a taken name becomes "contacts (1).vcf"
 * (https://developer.chrome.com/docs/extensions/reference/api/downloads#type-FilenameConflictAction),
 * so the name asked for may not be the file a person finds.
 */
export async function saveExport(kind: ExportKind, params: ExportParams): Promise<SavedFile<ExportResult>> {
  const { result, downloadId } = await saveToDownloads({ type: 'export', kind, params });
  const requested = result as ExportResult;
  const fileName = await timedPhase('download-finished', () => writtenFileName(downloadId, requested.fileName));
  return { result: { ...requested, fileName }, downloadId };
}

/** How long an export waits for its download to end before it reports the name chosen so far. */
const DOWNLOAD_WAIT_MS = 30_000;

/** The name of the file written, once the download is over; an interrupted download is an error. */
async function writtenFileName(downloadId: number, requested: string): Promise<string> {
  const waited = await Promise.race([
    downloadFinished(downloadId),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), DOWNLOAD_WAIT_MS)),
  ]);
  if (waited && !waited.complete) throw new Error(t('exportDownloadFailed', requested, waited.error ?? ''));
  // Chrome settles the final path before the download completes; a slow one still has it.
  return savedFileName(downloadId, requested);
}

export async function saveArchive(params: ArchiveParams, options: SaveOptions = {}): Promise<SavedFile<ArchiveResult>> {
  const { result, downloadId } = await saveToDownloads({ type: 'archive', params, generator: generatorName() }, options);
  const requested = result as ArchiveResult;
  if (!options.confirmName) return { result: requested, downloadId };
  return { result: { ...requested, fileName: await writtenFileName(downloadId, requested.fileName) }, downloadId };
}

async function saveToDownloads(request: FileRequest, options: SaveOptions = {}): Promise<SavedFile<ExportResult | ArchiveResult>> {
  const built = await timedPhase('file-built', () => (canMakeBlobUrls() ? buildHere(request) : buildOffscreen(request)));
  const filename = options.folder ? `${options.folder}/${built.fileName}` : built.fileName;
  const downloadId = await timedPhase('download-started', () => browser.downloads.download({ url: built.url, filename, saveAs: false, conflictAction: 'uniquify' }));
  revokeWhenDone(downloadId, built.url);
  return { result: built.result, downloadId };
}

/** Written into every archive's manifest. */
function generatorName(): string {
  return `Lifeboat ${browser.runtime.getManifest().version}`;
}

function canMakeBlobUrls(): boolean {
  return typeof URL.createObjectURL === 'function';
}

async function buildHere(request: FileRequest): Promise<OffscreenBuilt> {
  const { blob, ...built } = await buildFile(openDb(), request, new Date());
  return { ...built, url: URL.createObjectURL(blob) };
}

async function buildOffscreen(request: FileRequest): Promise<OffscreenBuilt> {
  await timedPhase('offscreen-ready', ensureOffscreenDocument);
  const message: OffscreenRequest = { target: 'offscreen', type: 'build', request, now: Date.now() };
  const response = await chrome.runtime.sendMessage<OffscreenRequest, { ok: true; result: OffscreenBuilt } | { ok: false; error: string }>(message);
  if (!response.ok) throw new Error(response.error);
  return response.result;
}

const OFFSCREEN_PATH = 'src/offscreen/index.html';

let creating: Promise<void> | null = null;

/** Chrome allows one offscreen document: concurrent builds share its creation. */
function ensureOffscreenDocument(): Promise<void> {
  creating ??= createOffscreenDocument().finally(() => (creating = null));
  return creating;
}

async function createOffscreenDocument(): Promise<void> {
  const url = chrome.runtime.getURL(OFFSCREEN_PATH);
  const contexts = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT], documentUrls: [url] });
  if (contexts.length > 0) return;
  await chrome.offscreen.createDocument({
    url: OFFSCREEN_PATH,
    reasons: [chrome.offscreen.Reason.BLOBS],
    justification: 'Build export files and backups, and keep their blob URL alive while the download runs.',
  });
}

/** Resolves when the download is over: complete, or interrupted with the browser's reason. */
export function downloadFinished(downloadId: number): Promise<{ complete: boolean; error?: string }> {
  return new Promise((resolve) => {
    const listener = (delta: { id: number; state?: { current?: string }; error?: { current?: string } }) => {
      if (delta.id !== downloadId || !delta.state?.current || delta.state.current === 'in_progress') return;
      browser.downloads.onChanged.removeListener(listener);
      resolve(delta.state.current === 'complete' ? { complete: true } : { complete: false, error: delta.error?.current ?? delta.state.current });
    };
    browser.downloads.onChanged.addListener(listener);
    // It may have finished before the listener was added.
    void browser.downloads.search({ id: downloadId }).then(([item]) => {
      if (item?.state === 'complete') listener({ id: downloadId, state: { current: 'complete' } });
      else if (item?.state === 'interrupted') listener({ id: downloadId, state: { current: 'interrupted' }, error: { current: item.error ?? 'interrupted' } });
    });
  });
}

/** The name the browser really gave the file (it adds " (1)" when the name was taken). */
export async function savedFileName(downloadId: number, fallback: string): Promise<string> {
  const [item] = await browser.downloads.search({ id: downloadId });
  return item?.filename.split(/[\\/]/).pop() || fallback;
}

/** Frees the blob once the download is over, whichever way it ended. */
function revokeWhenDone(downloadId: number, url: string): void {
  void downloadFinished(downloadId).then(() => {
    if (canMakeBlobUrls()) URL.revokeObjectURL(url);
    else void chrome.runtime.sendMessage({ target: 'offscreen', type: 'revoke', url } satisfies OffscreenRequest);
  });
}
