// Turning the lock on, off, or changing its passphrase changes every stored secret in one step
// that survives an interruption. The change is first recorded (`pending` in the lock's
// parameters), then each secret is rewritten, the new copy always written before the old one
// is removed; then the record is cleared. A worker stopped halfway leaves `pending` set and the
// key in storage.session, and the next worker start (or the next unlock) runs the same loop
// again: it only touches what is left, so running it twice is harmless.
import { browser } from '../shared/browser';
import { keepSessionKeys, readParams, removeParams, sessionKeys, writeParams, LockedError, type LockParams } from './lock-params';
import { SEALED_PREFIX, isSecretName, sealedName } from './secret-store';
import { isSealed, seal, unseal, type Sealed } from './secret-crypto';

/** The archive passphrase exists only sealed: turning the lock off drops it rather than writing it plain. */
export const ARCHIVE_PASSPHRASE = 'lock:archive-passphrase';

async function allStored(): Promise<Record<string, unknown>> {
  return browser.storage.local.get(null);
}

async function sealAll(params: LockParams, keys: Record<string, string>): Promise<void> {
  const rawKey = keys[params.kid];
  if (!rawKey) throw new LockedError();
  for (const [name, value] of Object.entries(await allStored())) {
    if (!isSecretName(name)) continue;
    await browser.storage.local.set({ [sealedName(name)]: await seal({ rawKey, kid: params.kid, plaintext: JSON.stringify(value) }) });
    await browser.storage.local.remove(name);
  }
}

async function openSealed(sealed: Sealed, keys: Record<string, string>): Promise<string> {
  const rawKey = keys[sealed.kid];
  if (!rawKey) throw new LockedError();
  return unseal({ rawKey, sealed });
}

async function unsealAll(keys: Record<string, string>): Promise<void> {
  for (const [stored, value] of Object.entries(await allStored())) {
    if (!stored.startsWith(SEALED_PREFIX) || !isSealed(value)) continue;
    const name = stored.slice(SEALED_PREFIX.length);
    if (name !== ARCHIVE_PASSPHRASE) await browser.storage.local.set({ [name]: JSON.parse(await openSealed(value, keys)) as unknown });
    await browser.storage.local.remove(stored);
  }
  await removeParams();
  await keepSessionKeys({});
}

async function resealAll(params: LockParams, keys: Record<string, string>): Promise<void> {
  const rawKey = keys[params.kid];
  if (!rawKey) throw new LockedError();
  for (const [stored, value] of Object.entries(await allStored())) {
    if (!stored.startsWith(SEALED_PREFIX) || !isSealed(value) || value.kid === params.kid) continue;
    // Overwritten in place: the value under the old key is replaced by the same value under the new one.
    await browser.storage.local.set({ [stored]: await seal({ rawKey, kid: params.kid, plaintext: await openSealed(value, keys) }) });
  }
  await keepSessionKeys({ [params.kid]: rawKey });
}

/** Finishes a recorded change if its keys are at hand; true when nothing is left pending. */
export async function finishPendingChange(): Promise<boolean> {
  const params = await readParams();
  if (!params?.pending) return true;
  const keys = await sessionKeys();
  if (!keys[params.kid]) return false;
  if (params.pending === 'unseal') {
    await unsealAll(keys);
    return true;
  }
  if (params.pending === 'seal') await sealAll(params, keys);
  else await resealAll(params, keys);
  const { pending: _done, ...finished } = params;
  await writeParams(finished);
  return true;
}
