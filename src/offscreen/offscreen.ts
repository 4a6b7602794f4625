// Chrome's offscreen document: the one place Chrome lets an MV3 extension make a blob URL
// outside a visible page. It builds export files and hands their URL to the worker, which
// starts the download; the URL outlives the popup that asked for it.
// https://developer.chrome.com/docs/extensions/reference/api/offscreen (reason BLOBS)
import { openDb } from '../db/schema';
import { buildExport } from '../exporters/build-export';
import { isOffscreenRequest, type OffscreenExport } from '../shared/offscreen-messages';

chrome.runtime.onMessage.addListener((message: unknown, _sender, sendResponse: (response: unknown) => void) => {
  if (!isOffscreenRequest(message)) return undefined;
  if (message.type === 'revoke') {
    URL.revokeObjectURL(message.url);
    sendResponse(true);
    return undefined;
  }
  buildExport(openDb(), message.kind, message.params, new Date(message.now)).then(
    ({ text, mimeType, ...result }) => {
      const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
      sendResponse({ ok: true, result: { ...result, url } satisfies OffscreenExport });
    },
    (error: unknown) => sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
  return true; // answer asynchronously
});
