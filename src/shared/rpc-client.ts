// Pages call the background with `call('renameAccount', { accountId, label })`. Errors thrown by a
// handler come back as a rejected promise with the handler's person-readable message. A reply
// is lost if Firefox stops the idle event page first: long commands go through the database.
import { browser } from './browser';
import type { CommandName, Params, Result, RpcRequest, RpcResponse, ShortCommandName } from './rpc-contract';
import { t } from './i18n';

function isRpcResponse<K extends CommandName>(value: unknown): value is RpcResponse<K> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/** A short command only: a long one is sent through the database (rpc-contract.ts, `LongCommandName`). */
export async function call<K extends ShortCommandName>(rpc: K, params: Params<K>): Promise<Result<K>> {
  const request: RpcRequest<K> = { rpc, params };
  const response: unknown = await browser.runtime.sendMessage(request);
  if (!isRpcResponse<K>(response)) throw new Error(t('errorWorkerSilent'));
  if (!response.ok) throw new Error(response.error);
  return response.result;
}
