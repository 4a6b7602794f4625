// The reader for each kind of collection.
import type { Readers } from '../../model/item-reader';
import { contactReader } from './contact-reader';
import { calendarReader } from './calendar-reader';

export const readers: Readers = { addressbook: contactReader, calendar: calendarReader };
