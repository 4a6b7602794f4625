// A button's action: runs a promise, and says whether it is running so the button can be
// disabled meanwhile (no double clicks sending two commands).
import { useCallback, useState } from 'preact/hooks';

export function useAction<T>(action: () => Promise<T>): [boolean, () => Promise<T>] {
  const [running, setRunning] = useState(false);
  const run = useCallback(async () => {
    setRunning(true);
    try {
      return await action();
    } finally {
      setRunning(false);
    }
  }, [action]);
  return [running, run];
}
