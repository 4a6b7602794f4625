// The source contract against Radicale 3, address book and calendar.
import { startRadicale } from '../harness/radicale';
import { davTarget } from './dav-target';
import { describeSourceContract } from './source-contract';

// Radicale's tokens are http://radicale.org/ns/sync/<sha256 of the state>; one of no state it
// ever had is what a server restored from a backup answers (RFC 6578 §3.2: valid-sync-token).
const forgottenToken = () => `http://radicale.org/ns/sync/${'0'.repeat(64)}`;
const capabilities = { served: 'exact', deltas: true, auth: true, network: true } as const;

describeSourceContract('Radicale address book', davTarget({ start: () => startRadicale(), kind: 'addressbook', forgottenToken, capabilities }));
describeSourceContract('Radicale calendar', davTarget({ start: () => startRadicale(), kind: 'calendar', forgottenToken, capabilities }));
