// The source contract against Cyrus IMAP's CardDAV and CalDAV (the server Fastmail runs).
import { startCyrus } from '../harness/cyrus';
import { davTarget } from './dav-target';
import { describeSourceContract } from './source-contract';

// Cyrus's tokens are data:,<modseq>_<uidvalidity>-ish strings; one from another mailbox state.
const forgottenToken = () => 'data:,0_1-0';
const capabilities = { served: 'exact', deltas: true, auth: true, network: true } as const;

// Cyrus is installed by scripts/setup.sh, which `npm test` runs first: a machine without it fails
// here rather than passing with the contract unrun.
describeSourceContract('Cyrus address book', davTarget({ start: () => startCyrus(), kind: 'addressbook', forgottenToken, capabilities, vcardVersion: '4.0' }));
describeSourceContract('Cyrus calendar', davTarget({ start: () => startCyrus(), kind: 'calendar', forgottenToken, capabilities }));
