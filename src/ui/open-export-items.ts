// Opens the options page at the list of items exports keep exactly as served or leave out
// (options/export-items-list.tsx): the target of the popup's line about them. openOptionsPage()
// takes no address, so the page is opened as a tab at that address.
import { openOptionsAt } from './open-options';

export const EXPORT_ITEMS_ANCHOR = 'export-items';

export function openExportItems(): Promise<void> {
  return openOptionsAt(EXPORT_ITEMS_ANCHOR);
}
