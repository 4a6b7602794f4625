// The reason a DAV account is refused when it has no collection of the kind asked for, from the
// message catalog (one sentence per kind: a noun cannot be slotted into a translated sentence).
import { t } from '../../catalog/catalog-text';
import type { DavKind } from './dav-kind';

export function noneFound(kind: DavKind): string {
  return kind.kind === 'addressbook' ? t('davNoAddressBook') : t('davNoCalendar');
}
