// Which Source serves an account: its provider's (registry.ts). Every context of one run shares
// one request budget (http/request-budget.ts).
import type { AccountRecord } from '../model/account';
import type { DavSourceOptions } from './dav/dav-source';
import { requestBudget } from '../http/request-budget';
import { providerOf } from './registry';
import type { AccountSecret, AccountSource } from './provider-engine';
import { t } from '../catalog/catalog-text';

export type { AccountSource } from './provider-engine';

/** `secret`: the password of a DAV account, the full address of a calendar feed, a signed-in account's bearer token. */
export function sourceForAccount(account: AccountRecord, secret: AccountSecret, options: DavSourceOptions = {}, fetchImpl?: typeof fetch): AccountSource {
  const { itemSource } = providerOf(account.kind);
  if (!itemSource) throw new Error(t('errorNoItemSource'));
  return itemSource(account, secret, { budget: requestBudget(), ...options }, fetchImpl);
}
