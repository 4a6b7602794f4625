// Samples the extension service worker's JS heap through the DevTools protocol while a run
// goes on, and keeps the peak. Playwright offers no CDP lifeboat on a worker, so the browser
// lifeboat attaches to the worker's target and talks to it through Target.sendMessageToTarget.
// https://chromedevtools.github.io/devtools-protocol/tot/Runtime/#method-getHeapUsage
import type { Browser, CDPSession } from 'playwright-core';

export interface HeapSampler {
  /** Stops sampling; the peak of `usedSize` in bytes and how many samples it saw. */
  stop(): Promise<{ peakBytes: number; samples: number }>;
}

interface TargetMessage {
  id?: number;
  result?: { usedSize?: number };
}

async function attachToWorker(cdp: CDPSession, extensionId: string): Promise<string> {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
  if (!worker) throw new Error('The extension has no running service worker to measure.');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
  return sessionId;
}

export interface HeapSampling {
  intervalMs?: number;
  /**
   * Collect garbage before each sample, so that the figure is what the worker holds (live
   * objects) rather than how much garbage has piled up since the last collection.
   */
  liveOnly?: boolean;
}

export async function sampleWorkerHeap(browser: Browser, extensionId: string, { intervalMs = 100, liveOnly = false }: HeapSampling = {}): Promise<HeapSampler> {
  const cdp = await browser.newBrowserCDPSession();
  const sessionId = await attachToWorker(cdp, extensionId);
  let nextId = 0;
  const waiting = new Map<number, (used: number) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    const message = JSON.parse(event.message) as TargetMessage;
    if (message.id !== undefined) waiting.get(message.id)?.(message.result?.usedSize ?? 0);
  });
  const call = (method: string): Promise<number> =>
    new Promise((resolve) => {
      const id = ++nextId;
      waiting.set(id, (used) => {
        waiting.delete(id);
        resolve(used);
      });
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => resolve(0));
    });
  const heapUsed = async (): Promise<number> => {
    if (liveOnly) await call('HeapProfiler.collectGarbage');
    return call('Runtime.getHeapUsage');
  };

  let peakBytes = 0;
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      peakBytes = Math.max(peakBytes, await heapUsed());
      samples++;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await cdp.detach().catch(() => undefined);
      return { peakBytes, samples };
    },
  };
}
