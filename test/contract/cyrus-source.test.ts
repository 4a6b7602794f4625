// The source contract against Cyrus IMAP's CardDAV and CalDAV (the server Fastmail runs).
import { describe } from 'vitest';
import { cyrusInstalled, startCyrus } from '../harness/cyrus';
import { davTarget } from './dav-target';
import { describeSourceContract } from './source-contract';

// Cyrus's tokens are data:,<modseq>_<uidvalidity>-ish strings; one from another mailbox state.
const forgottenToken = () => 'data:,0_1-0';
const capabilities = { served: 'exact', deltas: true, auth: true, network: true } as const;

if (cyrusInstalled()) {
  describeSourceContract('Cyrus address book', davTarget({ start: () => startCyrus(), kind: 'addressbook', forgottenToken, capabilities, vcardVersion: '4.0' }));
  describeSourceContract('Cyrus calendar', davTarget({ start: () => startCyrus(), kind: 'calendar', forgottenToken, capabilities }));
} else {
  describe.skip('the source contract: Cyrus (cyrus-imapd is not installed; scripts/setup.sh installs it)', () => {});
}
