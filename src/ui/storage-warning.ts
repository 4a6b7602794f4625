// Whether to warn that the browser may clear the copy: only when it has not promised to keep it
// (null: not known yet, no warning) and there is something to lose. Before the first copy the
// warning would only frighten; the first popup invites instead.
import type { AccountSummary } from './summarize-accounts';

type Held = Pick<AccountSummary, 'contacts' | 'events' | 'tasks' | 'photos'>;

export function warnStorageMayBeCleared(persisted: boolean | null, summaries: Held[]): boolean {
  return persisted === false && summaries.some((s) => s.contacts + s.events + s.tasks + s.photos > 0);
}
