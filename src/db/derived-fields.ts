// Fields derived from an item on every write, whichever module writes it (the sync engine, a
// restored version, an import), so the indexes can never disagree with the fields:
// `seriesStart` for repeating events (the agenda's sparse index of series, browse-items.ts) and
// `taskTitle` for tasks (the tasks view's index of names, which no other kind is in).
// A field left absent puts no entry in its index. The `searchWords` of schemas 3 to 11 are
// dropped when an item is written again: a search reads db/contact-words/ since schema 12.
import type { DBCore, Middleware } from 'dexie';
import { tablesWithMutate } from './mutate-wrapper';
import type { ItemRecord } from '../model/item';

export function withDerivedFields(item: ItemRecord): ItemRecord {
  const { searchWords: _words, seriesStart: _series, taskTitle: _task, ...rest } = item;
  return {
    ...rest,
    ...(item.kind === 'event' && item.recurring && item.start !== null ? { seriesStart: item.start } : {}),
    ...(item.kind === 'task' ? { taskTitle: item.title } : {}),
  };
}

export const derivedFieldsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'derived-fields',
  create(down) {
    return {
      ...down,
      table: tablesWithMutate(
        down,
        (name) => name === 'items',
        (request, table) => {
          if (request.type !== 'add' && request.type !== 'put') return table.mutate(request);
          return table.mutate({ ...request, values: request.values.map((value: ItemRecord) => withDerivedFields(value)) });
        },
      ),
    };
  },
};
