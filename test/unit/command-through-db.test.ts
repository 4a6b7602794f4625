// Commands that outlast the worker (shared/command-message.ts): the page's call resolves from
// the database, and a worker stopped mid-command (as Firefox stops an idle event page) is
// woken by the page's next message and given the command again.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../src/background/rpc-dispatch';

type Listener = (message: unknown, sender: { id: string }) => Promise<unknown> | undefined;

/** One extension: the page's sendMessage reaches the listeners of the worker running now, if any. */
const runtime = {
  id: 'lifeboat-test',
  listeners: [] as Listener[],
  /** Called when a message finds no worker: Firefox starts the event page for it. */
  wake: null as (() => Promise<void>) | null,
  async sendMessage(message: unknown): Promise<unknown> {
    if (this.listeners.length === 0) {
      const wake = this.wake;
      this.wake = null;
      await wake?.();
      // The message that woke the worker still fails, as "Receiving end does not exist" does.
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }
    for (const listener of this.listeners) {
      const answer = listener(message, { id: this.id });
      if (answer) return answer;
    }
    return undefined;
  },
  onMessage: { addListener: (listener: Listener) => runtime.listeners.push(listener) },
};

vi.mock('../../src/shared/browser', () => ({ browser: { runtime } }));

/** Starts a worker: a fresh module instance, as a new event page has. */
async function startWorker(handlers: Partial<Handlers>): Promise<void> {
  vi.resetModules();
  const { registerCommandRunner } = await import('../../src/background/command-runner');
  registerCommandRunner(handlers as Handlers);
}

async function page() {
  return import('../../src/ui/call-through-db');
}

beforeEach(() => {
  runtime.listeners = [];
  runtime.wake = null;
});
afterEach(async () => {
  const { openDb } = await import('../../src/db/schema');
  await openDb().table('settings').clear();
});

describe('callThroughDb', () => {
  it('resolves with the result the worker wrote, and forgets the record once read', async () => {
    await startWorker({ syncNow: () => Promise.resolve({ runs: 2 }) });
    const { callThroughDb } = await page();
    expect(await callThroughDb('syncNow', {})).toEqual({ runs: 2 });
    const { openDb } = await import('../../src/db/schema');
    expect(await openDb().table('settings').where('key').startsWith('command:').count()).toBe(0);
  });

  it('rejects with the message of a handler that failed', async () => {
    await startWorker({ syncNow: () => Promise.reject(new Error('The server is busy')) });
    const { callThroughDb } = await page();
    await expect(callThroughDb('syncNow', {})).rejects.toThrow('The server is busy');
  });

  it('gives the command again to a worker started after the first was stopped mid-command', async () => {
    let firstWorkerStarted!: () => void;
    const started = new Promise<void>((resolve) => (firstWorkerStarted = resolve));
    // The first worker never finishes: it is stopped while its handler waits for the server.
    await startWorker({
      syncNow: () => {
        firstWorkerStarted();
        return new Promise(() => undefined);
      },
    });
    const { callThroughDb } = await page();
    const answer = callThroughDb('syncNow', { accountId: 'a' });
    await started;
    runtime.listeners = [];
    let secondRuns = 0;
    runtime.wake = () =>
      startWorker({
        syncNow: () => {
          secondRuns += 1;
          return Promise.resolve({ runs: 1 });
        },
      });
    expect(await answer).toEqual({ runs: 1 });
    expect(secondRuns).toBe(1);
  });
});
