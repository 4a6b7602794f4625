// The passphrase lock's state for a page, kept current: the worker answers it, and any change
// of the lock's records (its parameters on disk, its key in the session) asks again.
import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { useConnector } from './connect/use-connector';

export type LockState = 'off' | 'locked' | 'unlocked';

export function useLockStatus(): { status: LockState | undefined; refresh: () => void } {
  const { call } = useConnector();
  const [status, setStatus] = useState<LockState | undefined>(undefined);
  const refresh = () => void call('lockStatus', {}).then((r) => setStatus(r.status), () => undefined);
  useEffect(() => {
    refresh();
    const listener = (changes: Record<string, unknown>) => {
      if (Object.keys(changes).some((key) => key.startsWith('lock:'))) refresh();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, []);
  return { status, refresh };
}
