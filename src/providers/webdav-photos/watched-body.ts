// A response body that fails in a way the downloader understands: a connection that breaks
// mid-body, or goes quiet for too long, becomes a NetworkError (the download resumes from the
// bytes already stored). The timeout is per chunk, not per file: a 2 GB video on a slow line
// may take an hour, but a silent connection must not hold a service worker forever.
import { NetworkError } from '../../http/http-errors';
import { t } from '../../catalog/catalog-text';

export function watchedBody(body: ReadableStream<Uint8Array>, url: string, idleMs: number, abort: AbortController): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => abort.abort(new Error(t('httpNoData', Math.round(idleMs / 1000)))), idleMs);
  };
  return new ReadableStream<Uint8Array>({
    start: arm,
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          clearTimeout(timer);
          controller.close();
          return;
        }
        arm();
        controller.enqueue(value);
      } catch (error) {
        clearTimeout(timer);
        controller.error(new NetworkError(url, error));
      }
    },
    cancel(reason) {
      clearTimeout(timer);
      return reader.cancel(reason);
    },
  });
}
