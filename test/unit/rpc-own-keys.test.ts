import { describe, expect, it } from 'vitest';
import { handlerFor, type Handlers } from '../../src/background/rpc-dispatch';

// Only `syncNow` is defined: every other name must find nothing, however it is spelled.
const handlers = { syncNow: () => Promise.resolve('ran') } as unknown as Handlers;

describe('handlerFor', () => {
  it('finds a command the handler map defines itself', async () => {
    const handler = handlerFor(handlers, 'syncNow');
    expect(handler).not.toBeNull();
    expect(await handler!({})).toBe('ran');
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf', 'missing'])(
    'rejects %s, which is no own key of the map',
    (name) => {
      expect(handlerFor(handlers, name)).toBeNull();
    },
  );

  it('rejects an own key that is not a function', () => {
    expect(handlerFor({ syncNow: 'nope' } as unknown as Handlers, 'syncNow')).toBeNull();
  });
});
