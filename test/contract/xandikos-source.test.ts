// The source contract against Xandikos 0.2.8, address book.
import { startXandikos } from '../harness/xandikos';
import { davTarget } from './dav-target';
import { describeSourceContract } from './source-contract';

describeSourceContract(
  'Xandikos address book',
  davTarget({
    start: () => startXandikos(),
    kind: 'addressbook',
    // Xandikos's tokens are git commit ids; one that is in no history (it answers 500 for it).
    forgottenToken: () => 'f'.repeat(40),
    capabilities: {
      served: 'exact',
      deltas: true,
      auth: { lacks: 'Xandikos has no authentication at all: it accepts any credentials' },
      network: true,
    },
  }),
);
