// The source contract against the memory source the engine's unit tests use: what the engine
// is tested against must behave as the real servers do.
import { MemorySource } from '../support/memory-source';
import { contractCard } from './contract-items';
import { describeSourceContract } from './source-contract';

const BOOK = 'http://memory.invalid/book/';

describeSourceContract('memory source', {
  capabilities: {
    served: 'exact',
    deltas: true,
    auth: { lacks: 'held in memory, it has no credentials to refuse' },
    network: { lacks: 'held in memory, no request ever leaves the process' },
  },
  start() {
    const source = new MemorySource();
    source.addCollection(BOOK, 'Book');
    const hrefOf = (n: number) => `${BOOK}contract-${n}.vcf`;
    return Promise.resolve({
      source,
      kind: 'addressbook',
      collectionPath: new URL(BOOK).pathname,
      add: (n, label) => Promise.resolve(source.put(BOOK, hrefOf(n), contractCard(n, label))),
      change: (n, label) => Promise.resolve(source.put(BOOK, hrefOf(n), contractCard(n, label))),
      remove: (n) => Promise.resolve(source.remove(BOOK, hrefOf(n))),
      served: (href) => Promise.resolve(source.collections.get(BOOK)?.items.get(href)?.data ?? ''),
      invalidate(cursor) {
        source.tokensInvalid = true;
        return Promise.resolve(cursor);
      },
      stop: () => Promise.resolve(),
    });
  },
});
