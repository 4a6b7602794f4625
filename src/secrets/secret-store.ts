// Every secret Lifeboat keeps (passwords, feed addresses that carry their secret, refresh
// tokens) goes through here. Without the lock, a secret is stored as it always was, under its
// own name in storage.local. With the lock on, it is stored sealed under `sealed:<name>`, and
// the plain copy is removed only after the sealed one is written: a worker stopped between the
// two leaves both, and the sealed one wins (reseal-secrets.ts finishes the job).
import { browser } from '../shared/browser';
import { LockedError, readParams, sessionKeys } from './lock-params';
import { isSealed, seal, unseal } from './secret-crypto';
import { rewriteFinished, withStorageTurn } from './storage-rewrite';

/** Names of secrets by prefix: what turning the lock on must seal. */
export const SECRET_PREFIXES = ['credentials:', 'oauth-tokens:'] as const;
export const SEALED_PREFIX = 'sealed:';

export const sealedName = (name: string): string => `${SEALED_PREFIX}${name}`;
export const isSecretName = (name: string): boolean => SECRET_PREFIXES.some((prefix) => name.startsWith(prefix));

/** The secret's value, or undefined when none is stored. Throws LockedError while locked. */
export async function readSecret<T>(name: string): Promise<T | undefined> {
  await rewriteFinished();
  const stored = await browser.storage.local.get([name, sealedName(name)]);
  const sealedValue = stored[sealedName(name)];
  if (isSealed(sealedValue)) {
    const rawKey = (await sessionKeys())[sealedValue.kid];
    if (!rawKey) throw new LockedError();
    return JSON.parse(await unseal({ rawKey, sealed: sealedValue })) as T;
  }
  return stored[name] as T | undefined;
}

/** Stores a secret: sealed with the current key when the lock is on (LockedError while locked). */
export async function writeSecret(name: string, value: unknown): Promise<void> {
  await withStorageTurn(async () => {
    // Read in turn: a lock turned on meanwhile must not find this secret written in clear after it sealed.
    const params = await readParams();
    if (!params) {
      await browser.storage.local.set({ [name]: value });
      return;
    }
    const rawKey = (await sessionKeys())[params.kid];
    if (!rawKey) throw new LockedError();
    await browser.storage.local.set({ [sealedName(name)]: await seal({ rawKey, kid: params.kid, plaintext: JSON.stringify(value) }) });
    await browser.storage.local.remove(name);
  });
}

export async function removeSecret(name: string): Promise<void> {
  await withStorageTurn(() => browser.storage.local.remove([name, sealedName(name)]));
}
