// Items imported from files: nothing to run, no source (setup.ts says `secret: 'none'`).
import type { ProviderEngine } from '../provider-engine';
import { localSetup } from './setup';

export const localProvider: ProviderEngine = { setup: localSetup };
