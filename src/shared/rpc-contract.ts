// The typed contract between the pages (popup, options) and the background worker. Pages
// send commands; results and progress otherwise flow through the database, because a
// closed popup cannot receive a message.

export interface NewCardDavAccount {
  label: string;
  serverUrl: string;
  username: string;
  password: string;
}

export interface ExportResult {
  fileName: string;
  count: number;
  /** Items left out because their text could not be exported, with the reason. */
  skipped: Array<{ title: string; reason: string }>;
}

export interface Commands {
  /** Checks the server and the password, finds the address books; saves nothing. */
  testConnection: { params: NewCardDavAccount; result: { addressBooks: string[] } };
  /** Checks, saves, and starts the first mirror in the background. */
  addAccount: { params: NewCardDavAccount; result: { accountId: string; addressBooks: string[] } };
  /** Mirrors one account now, or every account. Resolves when the run has finished. */
  syncNow: { params: { accountId?: string }; result: { runs: number } };
  /** Builds one .vcf of every mirrored contact and saves it to Downloads. */
  exportContacts: { params: Record<string, never>; result: ExportResult };
}

export type CommandName = keyof Commands;
export type Params<K extends CommandName> = Commands[K]['params'];
export type Result<K extends CommandName> = Commands[K]['result'];

/** What travels over runtime messaging. */
export interface RpcRequest<K extends CommandName = CommandName> {
  rpc: K;
  params: Params<K>;
}

export type RpcResponse<K extends CommandName = CommandName> =
  | { ok: true; result: Result<K> }
  | { ok: false; error: string };

export function isRpcRequest(message: unknown): message is RpcRequest {
  return typeof message === 'object' && message !== null && typeof (message as { rpc?: unknown }).rpc === 'string';
}
