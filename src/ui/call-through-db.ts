// Long commands from the pages (adding an account, Sync now, exports): sent without awaiting the
// work, their outcome read from the database, so that Firefox stopping an idle event page cannot
// lose them (shared/command-message.ts, background/command-runner.ts). Pages only: it reads the
// mirror's database, which shared/ code must not. The database's modules (Dexie) load with the
// first command rather than with the page, so the popup can show its counts before them.
import { browser } from '../shared/browser';
import type { CommandName, Params, Result } from '../shared/rpc-contract';
import type { CommandAck, CommandMessage } from '../shared/command-message';

/** The page looks for the outcome this often… */
const POLL_MS = 200;
/** …and tells the worker it still waits every fifth look: Firefox's idle stop is 30 s by default, a few seconds at the least. */
const NUDGE_EVERY = 5;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An `alive` or `start` message; a stopped worker that cannot be reached yet counts as not knowing the command. */
async function send(message: CommandMessage): Promise<CommandAck> {
  try {
    const ack: unknown = await browser.runtime.sendMessage(message);
    return { known: typeof ack === 'object' && ack !== null && (ack as CommandAck).known === true };
  } catch {
    return { known: false };
  }
}

/**
 * A command that may take longer than Firefox lets an idle event page live (discovery on a
 * slow server, a mirror): sent without awaiting the work, its outcome read from the database
 * (shared/command-message.ts). Resolves or rejects like `call`.
 */
export async function callThroughDb<K extends CommandName>(rpc: K, params: Params<K>): Promise<Result<K>> {
  const id = crypto.randomUUID();
  const start: CommandMessage = { lifeboatCommand: 'start', id, name: rpc, params };
  const [{ openDb }, { forgetCommand, readCommand }] = await Promise.all([import('../db/schema'), import('../db/commands')]);
  const db = openDb();
  let ack = await send(start);
  for (let look = 1; ; look += 1) {
    const record = await readCommand(db, id);
    if (record && record.state !== 'running') {
      await forgetCommand(db, id);
      if (record.state === 'failed') throw new Error(record.error);
      return record.result as Result<K>;
    }
    await sleep(POLL_MS);
    if (look % NUDGE_EVERY !== 0) continue;
    if (!ack.known) ack = await send(start);
    else ack = await send({ lifeboatCommand: 'alive', id });
  }
}

/**
 * Keeps the event page from being stopped as idle while work it started without a command
 * (an account's first mirror) goes on, until `done` says it has ended. A worker stopped
 * anyway resumes the run when the next message wakes it (background/resume.ts).
 */
export async function keepWorkerAwake(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) {
    await send({ lifeboatCommand: 'alive' });
    await sleep(POLL_MS * NUDGE_EVERY);
  }
}
