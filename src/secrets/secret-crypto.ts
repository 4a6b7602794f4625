// The cryptography of the passphrase lock, all through WebCrypto (no library):
// - PBKDF2 with SHA-256 turns the passphrase and a random 16-byte salt into 256 key bits.
//   600,000 iterations is OWASP's 2023 figure for PBKDF2-HMAC-SHA256
//   (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#pbkdf2).
// - AES-GCM (NIST SP 800-38D) seals each secret with a fresh random 96-bit IV; its 128-bit tag
//   makes a wrong key fail loudly instead of yielding garbage, which is what the verifier uses.
// The key bits are returned raw because they must outlive the worker in storage.session, which
// holds only JSON; every use imports them as a non-extractable CryptoKey.

export const KDF_ITERATIONS = 600_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;
const KEY_BITS = 256;

/** A value sealed with AES-GCM: `kid` names the key (the lock's generation) it was sealed with. */
export interface Sealed {
  v: 1;
  kid: string;
  iv: string;
  data: string;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function randomSalt(): string {
  return toBase64(crypto.getRandomValues(new Uint8Array(SALT_BYTES)));
}

export interface DeriveParams {
  passphrase: string;
  salt: string;
  iterations: number;
}

/** The raw key bits (base64) for a passphrase. Slow on purpose: about a second. */
export async function deriveKeyBits({ passphrase, salt, iterations }: DeriveParams): Promise<string> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: fromBase64(salt), iterations }, material, KEY_BITS);
  return toBase64(new Uint8Array(bits));
}

function aesKey(rawKey: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(rawKey), { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export interface SealParams {
  rawKey: string;
  kid: string;
  plaintext: string;
}

export async function seal({ rawKey, kid, plaintext }: SealParams): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  // The key's generation is bound as additional data: a sealed value cannot pass for another generation's.
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(kid) }, await aesKey(rawKey), new TextEncoder().encode(plaintext));
  return { v: 1, kid, iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Thrown when the key does not open a sealed value: a wrong passphrase, or tampered data. */
export class WrongKeyError extends Error {
  constructor() {
    super('wrong passphrase');
    this.name = 'WrongKeyError';
  }
}

export async function unseal(params: { rawKey: string; sealed: Sealed }): Promise<string> {
  const { rawKey, sealed } = params;
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: new TextEncoder().encode(sealed.kid) },
      await aesKey(rawKey),
      fromBase64(sealed.data),
    );
    return new TextDecoder().decode(plain);
  } catch {
    throw new WrongKeyError();
  }
}

export function isSealed(value: unknown): value is Sealed {
  const v = value as Partial<Sealed> | null;
  return typeof v === 'object' && v !== null && v.v === 1 && typeof v.kid === 'string' && typeof v.iv === 'string' && typeof v.data === 'string';
}
