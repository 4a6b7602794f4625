// The popup's line for the passphrase lock: shown only while locked, with the field that opens it.
import { useLockStatus } from '../ui/use-lock-status';
import { UnlockForm } from '../ui/unlock-form';

export function LockLine() {
  const { status, refresh } = useLockStatus();
  if (status !== 'locked') return null;
  return (
    <div class="warning lock-warning">
      <UnlockForm onUnlocked={refresh} />
    </div>
  );
}
