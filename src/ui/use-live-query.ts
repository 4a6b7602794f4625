// Dexie's liveQuery as a Preact hook: the page re-renders whenever the data it read
// changes in the database, whoever wrote it (the worker, another page).
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';

export function useLiveQuery<T>(query: () => Promise<T>, deps: unknown[] = []): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (error: unknown) => console.error('Lifeboat: a live query failed', error),
    });
    return () => subscription.unsubscribe();
  }, deps); // the caller lists what the query depends on
  return value;
}
