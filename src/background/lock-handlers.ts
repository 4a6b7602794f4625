// The passphrase lock's commands (secrets/lock-state.ts). Every change of state refreshes the
// badge, which shows the lock; opening the lock resumes the backups it held back.
import type { LockCommands } from '../shared/rpc-contract';
import { changePassphrase, disableLock, enableLock, lockNow, lockStatus, unlock } from '../secrets/lock-state';
import { refreshBadge } from './attention';
import { syncAll } from './sync-runner';

type LockHandlers = { [K in keyof LockCommands]: (params: LockCommands[K]['params']) => Promise<LockCommands[K]['result']> };

const done = async (): Promise<{ ok: true }> => {
  await refreshBadge();
  return { ok: true };
};

export const lockHandlers: LockHandlers = {
  lockStatus: async () => ({ status: await lockStatus() }),
  enableLock: async ({ passphrase }) => {
    await enableLock(passphrase);
    return done();
  },
  unlockSecrets: async ({ passphrase }) => {
    await unlock(passphrase);
    // Runs skipped while locked start now, in the background; progress reaches the pages through the database.
    void syncAll();
    return done();
  },
  lockSecrets: async () => {
    await lockNow();
    return done();
  },
  disableLock: async ({ passphrase }) => {
    await disableLock(passphrase);
    return done();
  },
  changePassphrase: async ({ current, next }) => {
    await changePassphrase(current, next);
    return done();
  },
};
