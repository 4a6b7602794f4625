// The passphrase backups are encrypted with: the lock's own, kept sealed like any secret
// (WinZip AE-2 derives its key from the text itself, so the derived lock key cannot serve).
import { readParams } from './lock-params';
import { ARCHIVE_PASSPHRASE } from './reseal-secrets';
import { readSecret } from './secret-store';
import { t } from '../catalog/catalog-text';

/** null when the lock is off; LockedError while locked. */
export async function archivePassphrase(): Promise<string | null> {
  if (!(await readParams())) return null;
  return (await readSecret<string>(ARCHIVE_PASSPHRASE)) ?? null;
}

/** For a backup the person asked to encrypt: an error that says why it cannot be, rather than a plain archive. */
export async function requiredArchivePassphrase(): Promise<string> {
  const passphrase = await archivePassphrase();
  if (!passphrase) throw new Error(t('errorLockOffForEncryption'));
  return passphrase;
}
