// The worker as a component test wants it: each command answers what the test says, when the
// test says (a held answer keeps a button busy until the test lets it go), and every call is
// recorded. Handed to the pages through ConnectorProvider (src/ui/connect/).
import type { CommandName, Params, Result } from '../../src/shared/rpc-contract';
import type { Connector } from '../../src/ui/connect/connector';

type Answer<K extends CommandName> = (params: Params<K>) => Promise<Result<K>>;

export interface MockConnector extends Connector {
  calls: Array<{ rpc: CommandName; params: unknown }>;
  answer<K extends CommandName>(rpc: K, answer: Answer<K>): void;
  /** The command's answer waits until `release` is called (or `fail`, to reject with a message). */
  hold<K extends CommandName>(rpc: K, result: Result<K>): { release: () => void; fail: (message: string) => void };
}

export function mockConnector(): MockConnector {
  const answers = new Map<CommandName, (params: unknown) => Promise<unknown>>();
  const calls: MockConnector['calls'] = [];
  const send = <K extends CommandName>(rpc: K, params: Params<K>): Promise<Result<K>> => {
    calls.push({ rpc, params });
    const answer = answers.get(rpc);
    if (!answer) return Promise.reject(new Error(`No answer for ${rpc} in this test`));
    return answer(params) as Promise<Result<K>>;
  };
  return {
    calls,
    call: send,
    callThroughDb: send,
    answer(rpc, answer) {
      answers.set(rpc, answer as (params: unknown) => Promise<unknown>);
    },
    hold(rpc, result) {
      let release = () => {};
      let fail: (message: string) => void = () => {};
      answers.set(
        rpc,
        () =>
          new Promise((resolve, reject) => {
            release = () => resolve(result);
            fail = (message) => reject(new Error(message));
          }),
      );
      return { release: () => release(), fail: (message) => fail(message) };
    },
  };
}
