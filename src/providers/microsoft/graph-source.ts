// A Microsoft account as one Source: its contact folders and its calendars, through Graph.
import type { AccountRecord } from '../../model/account';
import type { HttpContextOptions } from '../../http/http-context';
import { combineSources } from '../combined-source';
import type { CollectionKind, Source } from '../../model/source';
import { createGraphCalendarsSource } from './graph-calendars-source';
import { createGraphContactsSource, type GraphConnection } from './graph-contacts-source';

export function graphSource(account: Pick<AccountRecord, 'services'>, conn: GraphConnection, options: HttpContextOptions = {}): Source {
  const byKind: Partial<Record<CollectionKind, Source>> = {};
  if (account.services.includes('addressbook')) byKind.addressbook = createGraphContactsSource(conn, options);
  if (account.services.includes('calendar')) byKind.calendar = createGraphCalendarsSource(conn, options);
  return combineSources(byKind);
}
