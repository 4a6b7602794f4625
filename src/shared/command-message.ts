// Commands that may outlast Firefox's idle event page. A page never awaits such work over
// runtime messaging: Firefox stops an event page that has been idle for
// `extensions.background.idle.timeout` (30 s by default) even while a page awaits its answer,
// and the answer is lost ("Receiving end does not exist"). Instead the page sends `start`,
// which the worker answers at once; the worker writes the outcome into the database
// (db/commands.ts), and the page reads it there. Meanwhile the page sends `alive` every
// second: each message is an event for the event page, which restarts its idle timer, and
// wakes a stopped one, whose answer (`known: false`) tells the page to send `start` again.
import type { CommandName, Params } from './rpc-contract';

export interface StartCommand<K extends CommandName = CommandName> {
  lifeboatCommand: 'start';
  id: string;
  name: K;
  params: Params<K>;
}

export interface CommandAlive {
  lifeboatCommand: 'alive';
  /** The command the page waits for; none when it only keeps a run going (a first mirror). */
  id?: string;
}

export type CommandMessage = StartCommand | CommandAlive;

/** The worker's immediate answer: whether it is working on (or has finished) that command. */
export interface CommandAck {
  known: boolean;
}

export function isCommandMessage(message: unknown): message is CommandMessage {
  if (typeof message !== 'object' || message === null) return false;
  const kind = (message as { lifeboatCommand?: unknown }).lifeboatCommand;
  return kind === 'start' || kind === 'alive';
}
