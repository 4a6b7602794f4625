// A reader's fields as the item record stores them: every optional field filled in, so an
// item's fields never keep a value from an earlier text.
import type { ItemRecord } from '../model/item';
import type { ItemFields } from '../model/item-reader';

export type ListingFields = Pick<ItemRecord, 'kind' | 'uid' | 'title' | 'emails' | 'phones' | 'start' | 'end' | 'allDay' | 'recurring'>;

export function listingFields(fields: ItemFields): ListingFields {
  return {
    kind: fields.kind,
    uid: fields.uid,
    title: fields.title,
    emails: fields.emails ?? [],
    phones: fields.phones ?? [],
    start: fields.start ?? null,
    end: fields.end ?? null,
    allDay: fields.allDay ?? false,
    recurring: fields.recurring ?? false,
  };
}
