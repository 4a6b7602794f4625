// The passphrase lock as a state machine over the extension's storage: off, unlocked, locked;
// every stored secret sealed when it goes on, opened again when it goes off, re-sealed on a
// change; a change cut short by a stopped worker finishes later and loses nothing.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeStorage, resetFakeStorage, restartBrowser } from '../support/fake-extension-storage';

vi.mock('../../src/shared/browser', async () => (await import('../support/fake-extension-storage')).fakeBrowserModule());

const { changePassphrase, disableLock, enableLock, lockNow, lockStatus, resumeLockChange, unlock, WrongPassphraseError } = await import('../../src/secrets/lock-state');
const { LockedError, readParams } = await import('../../src/secrets/lock-params');
const { loadPassword, savePassword } = await import('../../src/background/credentials');
const { loadTokens, saveTokens } = await import('../../src/auth/token-store');
const { archivePassphrase } = await import('../../src/secrets/archive-passphrase');
const { fromBase64 } = await import('../../src/secrets/secret-crypto');
const { discardJournal, forgetRewriteCheck } = await import('../../src/secrets/storage-rewrite');

const PASSWORD = 'Dav-Pässwörd-7f3a';
const FEED = 'https://calendar.example.com/private-9c1e77/basic.ics';
const REFRESH = 'refresh-token-51d0c2';
const PASSPHRASE = 'a long enough passphrase';

async function storeSecrets(): Promise<void> {
  await savePassword('dav', PASSWORD);
  await savePassword('feed', FEED);
  await saveTokens('google', { accessToken: 'access-1', expiresAt: 5_000, refreshToken: REFRESH, scope: 'contacts' });
}

async function expectSecretsReadable(): Promise<void> {
  expect(await loadPassword('dav')).toBe(PASSWORD);
  expect(await loadPassword('feed')).toBe(FEED);
  expect((await loadTokens('google'))?.refreshToken).toBe(REFRESH);
}

const onDisk = (): string => fakeStorage.local.dump();

beforeEach(async () => {
  resetFakeStorage();
  await discardJournal();
});

/** The browser stopped the worker: the next one starts afresh (and finishes what was cut short). */
function newWorker(): void {
  fakeStorage.local.stopAfterWrites = null;
  forgetRewriteCheck();
}

describe('without the lock', () => {
  it('stores secrets as before, and access tokens in storage.session only', async () => {
    await storeSecrets();
    expect(await lockStatus()).toBe('off');
    await expectSecretsReadable();
    expect(await fakeStorage.local.get('credentials:dav')).toEqual({ 'credentials:dav': PASSWORD });
    expect(onDisk()).not.toContain('access-1');
    expect(fakeStorage.session.dump()).toContain('access-1');
    expect(await loadTokens('google')).toEqual({ accessToken: 'access-1', expiresAt: 5_000, refreshToken: REFRESH, scope: 'contacts' });
  });

  it('has no access token after the browser restarts: it reads as expired, so the refresh token renews it', async () => {
    await storeSecrets();
    restartBrowser();
    expect(await loadTokens('google')).toEqual({ accessToken: '', expiresAt: 0, refreshToken: REFRESH, scope: 'contacts' });
  });

  it('moves an access token stored on disk by an earlier version into the session', async () => {
    await fakeStorage.local.set({ 'oauth-tokens:old': { accessToken: 'old-access', expiresAt: 9_000, refreshToken: 'old-refresh', scope: 's' } });
    expect(await loadTokens('old')).toEqual({ accessToken: 'old-access', expiresAt: 9_000, refreshToken: 'old-refresh', scope: 's' });
    expect(onDisk()).not.toContain('old-access');
    expect(onDisk()).toContain('old-refresh');
  });
});

describe('turning the lock on', () => {
  it('seals every stored secret, keeps PBKDF2 parameters with ≥ 600,000 iterations and a random salt, and the key in the session only', async () => {
    await storeSecrets();
    await enableLock(PASSPHRASE);
    expect(await lockStatus()).toBe('unlocked');
    for (const secret of [PASSWORD, FEED, REFRESH, PASSPHRASE]) expect(onDisk()).not.toContain(secret);
    const params = await readParams();
    expect(params?.kdf).toBe('PBKDF2-SHA256');
    expect(params?.iterations).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64(params!.salt)).toHaveLength(16);
    expect(params?.pending).toBeUndefined();
    expect(onDisk()).not.toContain((await fakeStorage.session.get('lock:keys'))['lock:keys'] as never);
    // Written into a fresh database: the plain values must leave the disk, not only the keys.
    expect(fakeStorage.local.clears).toBe(1);
    await expectSecretsReadable();
    expect(await archivePassphrase()).toBe(PASSPHRASE);
  });

  it('keeps a secret saved while it seals (a run renewing a token at that moment)', async () => {
    await storeSecrets();
    const race: { write?: Promise<void> } = {};
    fakeStorage.local.onReadAll = () => {
      race.write = savePassword('racer', 'racer-password-1');
    };
    await enableLock(PASSPHRASE);
    expect(race.write).toBeDefined();
    await race.write;
    expect(await loadPassword('racer')).toBe('racer-password-1');
    expect(onDisk()).not.toContain('racer-password-1');
  });

  it('seals secrets saved later too', async () => {
    await enableLock(PASSPHRASE);
    await savePassword('later', 'later-password-1');
    expect(onDisk()).not.toContain('later-password-1');
    expect(await loadPassword('later')).toBe('later-password-1');
  });

  it('refuses a short passphrase, and a second time', async () => {
    await expect(enableLock('short')).rejects.toThrow(/at least 8/);
    expect(await lockStatus()).toBe('off');
    await enableLock(PASSPHRASE);
    await expect(enableLock('another passphrase')).rejects.toThrow(/already on/);
  });
});

describe('locked', () => {
  it('after the browser restarts: secrets cannot be read, a wrong passphrase is told apart, the right one opens', async () => {
    await storeSecrets();
    await enableLock(PASSPHRASE);
    restartBrowser();
    expect(await lockStatus()).toBe('locked');
    await expect(loadPassword('dav')).rejects.toThrow(LockedError);
    await expect(loadTokens('google')).rejects.toThrow(LockedError);
    await expect(savePassword('dav', 'new')).rejects.toThrow(LockedError);
    await expect(archivePassphrase()).rejects.toThrow(LockedError);
    await expect(unlock('not the passphrase')).rejects.toThrow(WrongPassphraseError);
    expect(await lockStatus()).toBe('locked');
    await unlock(PASSPHRASE);
    expect(await lockStatus()).toBe('unlocked');
    await expectSecretsReadable();
  });

  it('"Lock now" forgets the key at once', async () => {
    await storeSecrets();
    await enableLock(PASSPHRASE);
    await lockNow();
    expect(await lockStatus()).toBe('locked');
    await expect(loadPassword('dav')).rejects.toThrow(LockedError);
  });
});

describe('turning the lock off and changing the passphrase', () => {
  it('off asks for the passphrase, then stores every secret as before and forgets the archive passphrase', async () => {
    await storeSecrets();
    await enableLock(PASSPHRASE);
    restartBrowser();
    await expect(disableLock('wrong passphrase')).rejects.toThrow(WrongPassphraseError);
    await disableLock(PASSPHRASE);
    expect(await lockStatus()).toBe('off');
    expect(await readParams()).toBeNull();
    expect(onDisk()).not.toContain('sealed:');
    expect(onDisk()).not.toContain(PASSPHRASE);
    await expectSecretsReadable();
    expect(await archivePassphrase()).toBeNull();
  });

  it('a change re-seals everything under the new passphrase; the old one no longer opens', async () => {
    await storeSecrets();
    await enableLock(PASSPHRASE);
    const before = await readParams();
    await expect(changePassphrase('wrong passphrase', 'the new passphrase')).rejects.toThrow(WrongPassphraseError);
    await changePassphrase(PASSPHRASE, 'the new passphrase');
    const after = await readParams();
    expect(after?.salt).not.toBe(before?.salt);
    expect(onDisk()).not.toContain(before!.kid);
    expect(await archivePassphrase()).toBe('the new passphrase');
    restartBrowser();
    await expect(unlock(PASSPHRASE)).rejects.toThrow(WrongPassphraseError);
    await unlock('the new passphrase');
    await expectSecretsReadable();
  });
});

describe('a change cut short by a stopped worker', () => {
  // Stopped before its first write, a change has not begun: the lock is as it was.
  for (const stopAfter of [1, 2, 3, 4]) {
    it(`turning on, stopped after ${stopAfter} writes: nothing lost, and the next start finishes sealing`, async () => {
      await storeSecrets();
      await fakeStorage.local.set({ 'provider-settings': { google: { clientId: 'kept.apps.googleusercontent.com' } } });
      fakeStorage.local.stopAfterWrites = stopAfter;
      await expect(enableLock(PASSPHRASE)).rejects.toThrow('worker stopped');
      newWorker();
      // Between the two workers, every secret can still be read.
      await expectSecretsReadable();
      await resumeLockChange();
      expect(await lockStatus()).toBe('unlocked');
      for (const secret of [PASSWORD, FEED, REFRESH]) expect(onDisk()).not.toContain(secret);
      expect((await readParams())?.pending).toBeUndefined();
      await expectSecretsReadable();
      expect(await fakeStorage.local.get('provider-settings')).toEqual({ 'provider-settings': { google: { clientId: 'kept.apps.googleusercontent.com' } } });
    });
  }

  it('turning on, stopped and then the browser closed: the next unlock finishes sealing', async () => {
    await storeSecrets();
    fakeStorage.local.stopAfterWrites = 2;
    await expect(enableLock(PASSPHRASE)).rejects.toThrow('worker stopped');
    newWorker();
    restartBrowser();
    expect(await resumeLockChange()).toBe(false);
    await unlock(PASSPHRASE);
    for (const secret of [PASSWORD, FEED, REFRESH]) expect(onDisk()).not.toContain(secret);
    await expectSecretsReadable();
  });

  for (const stopAfter of [1, 2, 3, 4]) {
    it(`turning off and changing, stopped after ${stopAfter} writes: nothing lost, the next start finishes`, async () => {
      await storeSecrets();
      await enableLock(PASSPHRASE);
      fakeStorage.local.stopAfterWrites = stopAfter;
      await expect(changePassphrase(PASSPHRASE, 'the new passphrase')).rejects.toThrow('worker stopped');
      newWorker();
      await expectSecretsReadable();
      await resumeLockChange();
      await expectSecretsReadable();
      fakeStorage.local.stopAfterWrites = stopAfter;
      await expect(disableLock('the new passphrase')).rejects.toThrow('worker stopped');
      newWorker();
      await expectSecretsReadable();
      await resumeLockChange();
      expect(await lockStatus()).toBe('off');
      expect(onDisk()).not.toContain('sealed:');
      await expectSecretsReadable();
    });
  }
});
