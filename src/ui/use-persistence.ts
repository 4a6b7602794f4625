// Whether the browser promised to keep this extension's storage under disk pressure. A
// person can ask for it from a click (Firefox shows a prompt; Chrome grants it to extensions
// with unlimitedStorage).
import { useEffect, useState } from 'preact/hooks';

export function usePersistence(): { persisted: boolean | null; requestPersistence: () => Promise<void> } {
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);
  return {
    persisted,
    async requestPersistence() {
      setPersisted(await navigator.storage.persist());
    },
  };
}
