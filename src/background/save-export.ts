// Saves an export into the user's Downloads folder without a dialog. The file is built
// where a blob URL can live beyond the click (see exporters/build-export.ts), so closing
// the popup never cancels a download.
import { browser } from '../shared/browser';
import { openDb } from '../db/schema';
import { buildExport, type ExportKind } from '../exporters/build-export';
import type { ExportParams, ExportResult } from '../shared/rpc-contract';
import type { OffscreenExport, OffscreenRequest } from '../shared/offscreen-messages';

export async function saveExport(kind: ExportKind, params: ExportParams): Promise<ExportResult> {
  const built = canMakeBlobUrls() ? await buildHere(kind, params) : await buildOffscreen(kind, params);
  const { url, ...result } = built;
  const downloadId = await browser.downloads.download({ url, filename: result.fileName, saveAs: false, conflictAction: 'uniquify' });
  revokeWhenDone(downloadId, url);
  return result;
}

function canMakeBlobUrls(): boolean {
  return typeof URL.createObjectURL === 'function';
}

async function buildHere(kind: ExportKind, params: ExportParams): Promise<OffscreenExport> {
  const { text, mimeType, ...result } = await buildExport(openDb(), kind, params, new Date());
  return { ...result, url: URL.createObjectURL(new Blob([text], { type: mimeType })) };
}

async function buildOffscreen(kind: ExportKind, params: ExportParams): Promise<OffscreenExport> {
  await ensureOffscreenDocument();
  const request: OffscreenRequest = { target: 'offscreen', type: 'build-export', kind, params, now: Date.now() };
  const response = await chrome.runtime.sendMessage<OffscreenRequest, { ok: true; result: OffscreenExport } | { ok: false; error: string }>(request);
  if (!response.ok) throw new Error(response.error);
  return response.result;
}

const OFFSCREEN_PATH = 'src/offscreen/index.html';

let creating: Promise<void> | null = null;

/** Chrome allows one offscreen document: concurrent exports share its creation. */
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
    justification: 'Build export files and keep their blob URL alive while the download runs.',
  });
}

/** Frees the blob once the download is over, whichever way it ended. */
function revokeWhenDone(downloadId: number, url: string): void {
  const listener = (delta: { id: number; state?: { current?: string } }) => {
    if (delta.id !== downloadId || !delta.state?.current || delta.state.current === 'in_progress') return;
    browser.downloads.onChanged.removeListener(listener);
    if (canMakeBlobUrls()) URL.revokeObjectURL(url);
    else void chrome.runtime.sendMessage({ target: 'offscreen', type: 'revoke', url } satisfies OffscreenRequest);
  };
  browser.downloads.onChanged.addListener(listener);
}
