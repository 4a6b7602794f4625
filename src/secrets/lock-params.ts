// What the lock keeps on disk (storage.local) and in memory (storage.session).
// On disk: the key derivation's parameters and a verifier, never the key. In storage.session,
// which Chrome keeps in memory only and clears when the browser closes
// (https://developer.chrome.com/docs/extensions/reference/api/storage#property-session), the
// derived key bits while unlocked, by generation (`kid`), so a change of passphrase can finish
// after the worker was stopped. storage.session is open to trusted contexts (the worker and the
// extension's pages) only, Chrome's default; Firefox has it since 115.
import { browser } from '../shared/browser';
import type { Sealed } from './secret-crypto';
import { rewriteFinished } from './storage-rewrite';

export const PARAMS_KEY = 'lock:params';
export const SESSION_KEYS = 'lock:keys';

/** A change of every stored secret that began and may not have finished (see reseal-secrets.ts). */
export type PendingChange = 'seal' | 'unseal' | 'reseal';

export interface LockParams {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  /** base64, 16 random bytes. */
  salt: string;
  /** This generation of the key: every sealed value names the one it was sealed with. */
  kid: string;
  /** A known text sealed with the key: a passphrase that cannot open it is the wrong one. */
  verifier: Sealed;
  pending?: PendingChange;
}

export async function readParams(): Promise<LockParams | null> {
  await rewriteFinished();
  const stored = (await browser.storage.local.get(PARAMS_KEY))[PARAMS_KEY] as LockParams | undefined;
  return stored ?? null;
}

export async function writeParams(params: LockParams): Promise<void> {
  await browser.storage.local.set({ [PARAMS_KEY]: params });
}

export async function removeParams(): Promise<void> {
  await browser.storage.local.remove(PARAMS_KEY);
}

export async function sessionKeys(): Promise<Record<string, string>> {
  return ((await browser.storage.session.get(SESSION_KEYS))[SESSION_KEYS] as Record<string, string> | undefined) ?? {};
}

export async function keepSessionKeys(keys: Record<string, string>): Promise<void> {
  if (Object.keys(keys).length === 0) await browser.storage.session.remove(SESSION_KEYS);
  else await browser.storage.session.set({ [SESSION_KEYS]: keys });
}

/** While secrets are locked, reading or writing one throws this; runs skip the account. */
export class LockedError extends Error {
  readonly code = 'locked';
  constructor() {
    super('Locked: unlock to resume backups');
    this.name = 'LockedError';
  }
}
