// Turning the lock on, off, or changing its passphrase changes every stored secret in one step
// that survives an interruption. The change is first recorded (`pending` in the lock's
// parameters). Sealing and re-sealing then write all of storage.local anew, in a fresh database
// (storage-rewrite.ts: the plain or old-key values must leave the disk, not only the keys), the
// record cleared in the same write. Opening the lock again rewrites each secret in turn, the
// plain copy written before the sealed one is removed, then clears the record. A worker stopped
// halfway leaves `pending` set and the key in storage.session; the next worker start (or the
// next unlock) runs the same step again, which only touches what is left.
import { browser } from '../shared/browser';
import { PARAMS_KEY, keepSessionKeys, readParams, removeParams, sessionKeys, LockedError, type LockParams } from './lock-params';
import { rewriteLocalStorage } from './storage-rewrite';
import { SEALED_PREFIX, isSecretName, sealedName } from './secret-store';
import { isSealed, seal, unseal, type Sealed } from './secret-crypto';

/** The archive passphrase exists only sealed: turning the lock off drops it rather than writing it plain. */
export const ARCHIVE_PASSPHRASE = 'lock:archive-passphrase';

async function allStored(): Promise<Record<string, unknown>> {
  return browser.storage.local.get(null);
}

/** The lock's parameters once the change is done, stored in the same rewrite as the secrets. */
function finished(params: LockParams): LockParams {
  const { pending: _done, ...rest } = params;
  return rest;
}

async function sealAll(params: LockParams, keys: Record<string, string>): Promise<void> {
  const rawKey = keys[params.kid];
  if (!rawKey) throw new LockedError();
  await rewriteLocalStorage(async (all) => {
    const next: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(all)) {
      // A sealed copy already there was written later than the plain one (secret-store.ts): it wins.
      if (!isSecretName(name)) next[name] = value;
      else if (!(sealedName(name) in all)) next[sealedName(name)] = await seal({ rawKey, kid: params.kid, plaintext: JSON.stringify(value) });
    }
    return { ...next, [PARAMS_KEY]: finished(params) };
  });
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
  // A fresh database: what the old key sealed leaves the disk too.
  await rewriteLocalStorage(async (all) => {
    const next: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(all)) {
      const stale = name.startsWith(SEALED_PREFIX) && isSealed(value) && value.kid !== params.kid;
      next[name] = stale ? await seal({ rawKey, kid: params.kid, plaintext: await openSealed(value, keys) }) : value;
    }
    return { ...next, [PARAMS_KEY]: finished(params) };
  });
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
  return true;
}
