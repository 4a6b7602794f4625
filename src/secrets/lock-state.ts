// The passphrase lock's states and the moves between them:
//   off ──enable──> unlocked ──lock / browser closed──> locked ──unlock──> unlocked
//   unlocked/locked ──disable (with the passphrase)──> off; change (with the old one) re-seals.
// Every move that rewrites the stored secrets records itself first (reseal-secrets.ts).
import { ARCHIVE_PASSPHRASE, finishPendingChange } from './reseal-secrets';
import { keepSessionKeys, readParams, sessionKeys, writeParams, type LockParams } from './lock-params';
import { KDF_ITERATIONS, WrongKeyError, deriveKeyBits, randomSalt, seal, unseal } from './secret-crypto';
import { writeSecret } from './secret-store';
import { t } from '../catalog/catalog-text';

export type LockStatus = 'off' | 'locked' | 'unlocked';

/** The text the verifier seals: what it says does not matter, only that the key opens it. */
const VERIFIER_TEXT = 'lifeboat passphrase verifier';
/** A passphrase shorter than this is refused: the key is only as strong as it. */
export const MIN_PASSPHRASE_LENGTH = 8;

export class WrongPassphraseError extends Error {
  readonly code = 'wrong-passphrase';
  constructor() {
    super('That passphrase is not the right one.');
    this.name = 'WrongPassphraseError';
  }
}

// One change at a time: two clicks, or a click during the resume at worker start, must not interleave.
let queue: Promise<unknown> = Promise.resolve();
function serially<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

export async function lockStatus(): Promise<LockStatus> {
  const params = await readParams();
  if (!params) return 'off';
  return (await sessionKeys())[params.kid] ? 'unlocked' : 'locked';
}

async function newGeneration(passphrase: string): Promise<{ params: LockParams; rawKey: string }> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) throw new Error(t('errorPassphraseTooShort', MIN_PASSPHRASE_LENGTH));
  const salt = randomSalt();
  const kid = crypto.randomUUID();
  const rawKey = await deriveKeyBits({ passphrase, salt, iterations: KDF_ITERATIONS });
  const verifier = await seal({ rawKey, kid, plaintext: VERIFIER_TEXT });
  return { params: { kdf: 'PBKDF2-SHA256', iterations: KDF_ITERATIONS, salt, kid, verifier }, rawKey };
}

/** The key bits of the current generation, if the passphrase is the right one. */
async function checkedKey(params: LockParams, passphrase: string): Promise<string> {
  const rawKey = await deriveKeyBits({ passphrase, salt: params.salt, iterations: params.iterations });
  try {
    await unseal({ rawKey, sealed: params.verifier });
  } catch (error) {
    if (error instanceof WrongKeyError) throw new WrongPassphraseError();
    throw error;
  }
  return rawKey;
}

async function requireParams(): Promise<LockParams> {
  const params = await readParams();
  if (!params) throw new Error(t('errorLockIsOff'));
  return params;
}

export const enableLock = (passphrase: string): Promise<void> =>
  serially(async () => {
    if (await readParams()) throw new Error(t('errorLockIsOn'));
    const { params, rawKey } = await newGeneration(passphrase);
    await keepSessionKeys({ [params.kid]: rawKey });
    await writeParams({ ...params, pending: 'seal' });
    // Backups written on a schedule are encrypted with the same passphrase (zip AE-2 needs the text itself).
    await writeSecret(ARCHIVE_PASSPHRASE, passphrase);
    await finishPendingChange();
  });

export const unlock = (passphrase: string): Promise<void> =>
  serially(async () => {
    const params = await requireParams();
    const rawKey = await checkedKey(params, passphrase);
    await keepSessionKeys({ ...(await sessionKeys()), [params.kid]: rawKey });
    await finishPendingChange();
  });

/** Forgets the key now, as closing the browser would. */
export const lockNow = (): Promise<void> => serially(() => keepSessionKeys({}));

export const disableLock = (passphrase: string): Promise<void> =>
  serially(async () => {
    const params = await requireParams();
    const rawKey = await checkedKey(params, passphrase);
    await keepSessionKeys({ ...(await sessionKeys()), [params.kid]: rawKey });
    await writeParams({ ...params, pending: 'unseal' });
    await finishPendingChange();
  });

export const changePassphrase = (current: string, next: string): Promise<void> =>
  serially(async () => {
    const params = await requireParams();
    const oldKey = await checkedKey(params, current);
    await finishPendingChange();
    const generation = await newGeneration(next);
    // Both keys stay in the session until every secret is sealed with the new one.
    await keepSessionKeys({ [params.kid]: oldKey, [generation.params.kid]: generation.rawKey });
    await writeParams({ ...generation.params, pending: 'reseal' });
    await writeSecret(ARCHIVE_PASSPHRASE, next);
    await finishPendingChange();
  });

/** At worker start: a change cut short by a stopped worker is finished if the key is still in the session. */
export const resumeLockChange = (): Promise<boolean> => serially(finishPendingChange);
