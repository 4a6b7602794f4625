// Which handler a page's command reaches. Kept apart from the listener so that it can be
// tested without a browser.
import type { CommandName, Params, Result } from '../shared/rpc-contract';

export type Handlers = { [K in CommandName]: (params: Params<K>) => Promise<Result<K>> };

/**
 * The handler for a command name, only if the map itself defines it: a name such as
 * `__proto__`, `constructor` or `toString` would otherwise reach Object.prototype's members
 * through a plain property read.
 */
export function handlerFor(handlers: Handlers, name: string): ((params: unknown) => Promise<unknown>) | null {
  if (!Object.hasOwn(handlers, name)) return null;
  const handler: unknown = (handlers as Record<string, unknown>)[name];
  return typeof handler === 'function' ? (handler as (params: unknown) => Promise<unknown>) : null;
}
