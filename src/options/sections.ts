// The options page by task: each section has an address of its own (#accounts, #photos…), so
// a page is short, can be linked to from the popup, and the Back button returns to the last one.
import type { MessageKey } from '../shared/i18n';
import { RUN_LOG_ANCHOR } from '../ui/open-run-log';
import { EXPORT_ITEMS_ANCHOR } from '../ui/open-export-items';

export const SECTIONS = [
  { id: 'accounts', label: 'navAccounts' },
  { id: 'photos', label: 'navPhotos' },
  { id: 'backups', label: 'navBackups' },
  { id: 'restore', label: 'navRestore' },
  { id: 'safety', label: 'navSafety' },
  { id: 'activity', label: 'navActivity' },
] as const satisfies ReadonlyArray<{ id: string; label: MessageKey }>;

export type SectionId = (typeof SECTIONS)[number]['id'];

/** The section an address names; an unknown or empty one shows the accounts. */
export function sectionOf(route: string): SectionId {
  // The popup's "see the log" link predates the sections and names the log itself.
  if (route === RUN_LOG_ANCHOR) return 'activity';
  // The popup's line about items an export kept as served or left out names their list.
  if (route === EXPORT_ITEMS_ANCHOR) return 'backups';
  return SECTIONS.find((s) => s.id === route)?.id ?? 'accounts';
}
