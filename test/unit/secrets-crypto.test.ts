// The lock's cryptography: what is sealed opens with the same key only, in every detail.
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KDF_ITERATIONS, WrongKeyError, deriveKeyBits, fromBase64, randomSalt, seal, toBase64, unseal } from '../../src/secrets/secret-crypto';

let rawKey: string;
let salt: string;

beforeAll(async () => {
  salt = randomSalt();
  rawKey = await deriveKeyBits({ passphrase: 'correct horse battery staple', salt, iterations: KDF_ITERATIONS });
});

describe('secret crypto', () => {
  it('derives 256 key bits with at least OWASP 2023’s 600,000 PBKDF2-SHA256 iterations, from a 16-byte random salt', () => {
    expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64(rawKey)).toHaveLength(32);
    expect(fromBase64(salt)).toHaveLength(16);
    expect(randomSalt()).not.toBe(salt);
  });

  it('derives the same key from the same passphrase and salt, another from another salt or passphrase', async () => {
    expect(await deriveKeyBits({ passphrase: 'correct horse battery staple', salt, iterations: KDF_ITERATIONS })).toBe(rawKey);
    // Fewer iterations here only to keep the test quick: the point is the inputs, not the cost.
    const other = (passphrase: string, s: string) => deriveKeyBits({ passphrase, salt: s, iterations: 1000 });
    expect(await other('a', salt)).not.toBe(await other('b', salt));
    expect(await other('a', salt)).not.toBe(await other('a', randomSalt()));
    // NFC: the same passphrase typed with a composed or a decomposed "é" opens the lock.
    expect(await other('caf\u00e9', salt)).toBe(await other('cafe\u0301', salt));
  });

  it('opens what it sealed, for any text, and never leaves the text in the sealed value', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 4, maxLength: 200, unit: 'grapheme' }), async (plaintext) => {
        const sealed = await seal({ rawKey, kid: 'k1', plaintext });
        expect(await unseal({ rawKey, sealed })).toBe(plaintext);
        expect(JSON.stringify(sealed)).not.toContain(JSON.stringify(plaintext).slice(1, -1));
      }),
      { numRuns: 60 },
    );
  });

  it('uses a fresh IV each time: the same text sealed twice differs', async () => {
    const a = await seal({ rawKey, kid: 'k1', plaintext: 'same' });
    const b = await seal({ rawKey, kid: 'k1', plaintext: 'same' });
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
  });

  it('refuses a wrong key, a changed byte, and a value moved to another key generation', async () => {
    const sealed = await seal({ rawKey, kid: 'k1', plaintext: 'hunter2-password' });
    const wrongKey = await deriveKeyBits({ passphrase: 'wrong horse', salt, iterations: 1000 });
    await expect(unseal({ rawKey: wrongKey, sealed })).rejects.toThrow(WrongKeyError);
    const bytes = fromBase64(sealed.data);
    bytes[0]! ^= 1;
    await expect(unseal({ rawKey, sealed: { ...sealed, data: toBase64(bytes) } })).rejects.toThrow(WrongKeyError);
    await expect(unseal({ rawKey, sealed: { ...sealed, kid: 'k2' } })).rejects.toThrow(WrongKeyError);
  });
});
