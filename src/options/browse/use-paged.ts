// How many items a list shows: a page at first, one more page per "Show more", and back to
// one page when what is listed changes (a new search, another month).
import { useEffect, useState } from 'preact/hooks';

export const PAGE = 100;

export function usePaged(resetKey: string): { limit: number; more: () => void } {
  const [limit, setLimit] = useState(PAGE);
  useEffect(() => setLimit(PAGE), [resetKey]);
  return { limit, more: () => setLimit(limit + PAGE) };
}
