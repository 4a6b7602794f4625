// Passwords (and the full addresses of calendar feeds, which carry their secret) live only in the extension's own storage (storage.local), never in the mirror
// database, so that an exported database or archive can never carry them. With the passphrase
// lock on they are stored sealed (secrets/secret-store.ts); while locked, reading one throws a
// LockedError and the run leaves the account alone.
import { readSecret, removeSecret, writeSecret } from '../secrets/secret-store';
import { t } from '../catalog/catalog-text';

const key = (accountId: string): string => `credentials:${accountId}`;

export async function savePassword(accountId: string, password: string): Promise<void> {
  await writeSecret(key(accountId), password);
}

export async function loadPassword(accountId: string): Promise<string> {
  const password = await readSecret<unknown>(key(accountId));
  if (typeof password !== 'string') throw new Error(t('errorPasswordMissing'));
  return password;
}

export async function forgetPassword(accountId: string): Promise<void> {
  await removeSecret(key(accountId));
}
