// Chrome's offscreen document: the one place Chrome lets an MV3 extension make a blob URL
// outside a visible page. It builds export files and backups and hands their URL to the
// worker, which starts the download; the URL outlives the popup that asked for it.
// https://developer.chrome.com/docs/extensions/reference/api/offscreen (reason BLOBS)
import { openDb } from '../db/schema';
import { buildFile } from '../archive/build-file';
import { isOffscreenRequest, type OffscreenBuilt } from '../shared/offscreen-messages';

chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
  if (!isOffscreenRequest(message)) return undefined;
  if (message.type === 'revoke') {
    URL.revokeObjectURL(message.url);
    sendResponse(true);
    return undefined;
  }
  buildFile(openDb(), message.request, new Date(message.now)).then(
    ({ blob, ...built }) => sendResponse({ ok: true, result: { ...built, url: URL.createObjectURL(blob) } satisfies OffscreenBuilt }),
    (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
  return true; // answer asynchronously
});
