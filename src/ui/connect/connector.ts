// The one door from a page to the background worker. Pages ask `useConnector()` for it instead
// of importing the messaging code, so a component test hands in a stand-in that answers as the
// worker would (test/component/), as Dark Reader's pages take theirs from src/ui/connect/.
import { call } from '../../shared/rpc-client';
import type { CommandName, Params, Result, ShortCommandName } from '../../shared/rpc-contract';
import { callThroughDb } from '../call-through-db';

export interface Connector {
  /** A short command answered in the reply (shared/rpc-client.ts); a long one does not compile here. */
  call: <K extends ShortCommandName>(rpc: K, params: Params<K>) => Promise<Result<K>>;
  /** A long command whose outcome the worker writes to the database (ui/call-through-db.ts). */
  callThroughDb: <K extends CommandName>(rpc: K, params: Params<K>) => Promise<Result<K>>;
}

/** The real worker, through runtime messaging. */
export const extensionConnector: Connector = { call, callThroughDb };
