// The worker's half of a CardDAV/CalDAV account reached with a password (setup.ts is the pages' half).
import type { ProviderEngine } from '../provider-engine';
import { davAccountSource } from './account-source';
import { davSetup } from './setup';

export const davProvider: ProviderEngine = { setup: davSetup, itemSource: davAccountSource };
