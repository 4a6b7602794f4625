// A page's share of the file and of the summary, empty: what a stale page keeps.
import type { PageContent } from './page-records';

export function emptyContent(): Omit<PageContent, 'bytes'> {
  return { written: 0, cardsWithExtensions: 0, convertedFrom: {}, servedUnreadable: [], servedRefused: [], skippedUnreadable: [], skippedRefused: [] };
}
