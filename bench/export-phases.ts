// The phase measures an export records (src/shared/phase-times.ts), read over the DevTools
// protocol from the service worker and the offscreen document, which playwright-core does not
// expose as pages: a session on each target through the browser session
// (https://chromedevtools.github.io/devtools-protocol/tot/Target/#method-attachToTarget).
import type { CDPSession } from 'playwright-core';

/** A DevTools session on one target (worker or offscreen document), through the browser session. */
export async function attach(cdp: CDPSession, match: (info: { type: string; url: string }) => boolean) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find(match);
  if (!target) throw new Error('No such target to profile.');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 0;
  const waiting = new Map<number, (result: unknown) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  const send: Send = <T>(method: string, params: object = {}): Promise<T> =>
    new Promise((resolve) => {
      const id = ++nextId;
      waiting.set(id, (result) => (waiting.delete(id), resolve(result as T)));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  return send;
}

export type Send = <T>(method: string, params?: object) => Promise<T>;

/** The "lifeboat:" measures (src/shared/phase-times.ts) a target holds, in ms by phase. */
export async function phases(send: Send): Promise<Record<string, number>> {
  const expression = `JSON.stringify(performance.getEntriesByType('measure').filter((m) => m.name.startsWith('lifeboat:')).map((m) => [m.name.slice(9), m.duration]))`;
  const { result } = await send<{ result: { value: string } }>('Runtime.evaluate', { expression });
  return Object.fromEntries(JSON.parse(result.value) as Array<[string, number]>);
}

