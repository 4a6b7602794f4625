// A User Timing mark when a page first shows its data, so tests and the benchmark can read how
// long the page took (performance.getEntriesByName) without timing from outside.
import { useEffect } from 'preact/hooks';

export function useReadyMark(name: string, ready: boolean): void {
  useEffect(() => {
    if (ready && performance.getEntriesByName(name).length === 0) performance.mark(name);
  }, [name, ready]);
}
