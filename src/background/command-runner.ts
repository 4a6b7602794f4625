// The worker's side of commands that may outlast the event page (shared/command-message.ts):
// `start` is answered at once and the handler runs on; its outcome goes to the database.
// Commands this worker runs are remembered in memory only: a worker started after Firefox
// stopped the previous one does not know them, and says so, so that the page sends them again.
import { browser, type Runtime } from '../shared/browser';
import { isCommandMessage, type CommandAck, type CommandMessage } from '../shared/command-message';
import { describeError } from '../sync/describe-error';
import { openDb } from '../db/schema';
import { commandFinished, commandStarted, dropStaleCommands } from '../db/commands';
import { handlerFor, type Handlers } from './rpc-dispatch';

const known = new Set<string>();

export function registerCommandRunner(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isCommandMessage(message) || sender.id !== browser.runtime.id) return undefined;
    return answer(handlers, message);
  });
}

async function answer(handlers: Handlers, message: CommandMessage): Promise<CommandAck> {
  if (message.lifeboatCommand === 'alive') return { known: message.id === undefined || known.has(message.id) };
  const { id, name, params } = message;
  if (known.has(id)) return { known: true };
  const handler = handlerFor(handlers, name);
  const db = openDb();
  known.add(id);
  await commandStarted(db, id, Date.now());
  void dropStaleCommands(db, Date.now()).catch((error: unknown) => console.warn('Lifeboat: could not drop old command outcomes', error));
  if (!handler) {
    await commandFinished(db, id, { error: `Unknown command: ${name}` }, Date.now());
    return { known: true };
  }
  void handler(params)
    .then(
      (result) => commandFinished(db, id, { result }, Date.now()),
      (error: unknown) => commandFinished(db, id, { error: describeError(error) }, Date.now()),
    )
    // The page waits on: it sends the command again once this worker is gone.
    .catch((error: unknown) => console.warn('Lifeboat: could not record a command’s outcome', error));
  return { known: true };
}
