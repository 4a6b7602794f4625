// Answers the pages' commands. The listener is registered synchronously when the worker
// starts (a listener added later misses the message that woke the worker).
import { browser, type Runtime } from '../shared/browser';
import { isRpcRequest, type CommandName, type Result, type RpcResponse } from '../shared/rpc-contract';
import { describeError } from '../sync/describe-error';
import { handlerFor, type Handlers } from './rpc-dispatch';

export type { Handlers } from './rpc-dispatch';

export function registerRpcServer(handlers: Handlers): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isRpcRequest(message) || !isOwnPage(sender)) return undefined;
    const handler = handlerFor(handlers, message.rpc);
    if (!handler) return Promise.resolve<RpcResponse>({ ok: false, error: `Unknown command: ${message.rpc}` });
    return handler(message.params).then(
      (result): RpcResponse => ({ ok: true, result: result as Result<CommandName> }),
      (error: unknown): RpcResponse => ({ ok: false, error: describeError(error) }),
    );
  });
}

/** Only the extension's own pages may send commands. */
function isOwnPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}
