// The benchmark's data set for one size: an address book, a calendar and a task list shaped
// like a real person's. Deterministic (every choice follows from the item's number), so runs
// on different machines mirror the same bytes.
//
// The mix is what an address book synced from a phone for years looks like (issue "Performance":
// a share of contacts with 20–50 KB photos, grouped properties, long notes), because those are
// the bytes that make a mirror slow, not the count of items alone.
// Contacts: non-ASCII names and notes on folded lines (from makeCard); 15% with a JPEG photo of
// 20–50 KB carrying EXIF (base64 in PHOTO); one in ten with a long note of 2–6 KB; a third with
// CATEGORIES; a fifth with an Apple-style labelled e-mail (`item1.EMAIL` + `item1.X-ABLABEL`); a
// quarter with a labelled address (`item2.ADR` + `item2.X-ABLABEL`); half with an organisation;
// one in a hundred is a contact group listing members.
// Events: 10% weekly series with an excluded date and a moved occurrence; 10% all-day; the rest
// spread over UTC and four zones (two northern DST rules, a southern one, none); 30% with an
// organiser and three attendees; 40% with an alarm.
// Tasks: one per ten contacts, with due dates in those zones; half with an alarm.
import { foldLine, makeCard, makeEvent, makeTask, SAMPLE_ZONES, type SeedCollection, type SeedItem } from '../test/harness';
import { makeJpeg } from '../test/harness/sample-photo';

export interface DataSize {
  contacts: number;
  events: number;
  tasks: number;
}

export function dataSize(contacts: number): DataSize {
  return { contacts, events: contacts, tasks: Math.round(contacts / 10) };
}

/**
 * The growth part's sizes: the address book grows, the calendars stay as at 1,000 contacts. At
 * 100,000 contacts the sweep's own mix would add 100,000 events, whose listing Radicale works
 * out whole before it answers (65 s alone, minutes beside other requests): that point would
 * measure Radicale's calendar listing more than how Lifeboat's cost follows the contacts.
 */
export function contactsGrowthSize(contacts: number): DataSize {
  return { ...dataSize(1000), contacts };
}

const CATEGORIES = ['Famille', 'Work', 'Rowing club', 'Nachbarn', '友人'];
const ORGS = ['Harbour Rowing Club', 'Northwind Clinic', 'Atelier Lumière', 'Kyoto Ceramics', 'Open Library'];
const GROUP_SIZE = 20;

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

/** 15% of contacts: index 3, 9 and 16 of every 20. */
const hasPhoto = (index: number): boolean => [3, 9, 16].includes(index % 20);

/** 20–50 KB, spread evenly by a multiplicative hash of the index. */
const photoBytes = (index: number): number => 20_000 + ((index * 7919) % 30_001);

const NOTE_SENTENCE = 'Rencontré au club d’aviron en 2014 – parle français, 日本語 et English; allergique aux noix. ';

/** A note of 2–6 KB, as people paste whole e-mails or directions into them. */
function longNote(index: number): string {
  const sentences = Math.ceil((2000 + (index % 5) * 1000) / NOTE_SENTENCE.length);
  return `NOTE:${NOTE_SENTENCE.repeat(sentences).replaceAll(',', '\\,').replaceAll(';', '\\;').trim()}`;
}

function cardExtras(index: number): string[] {
  const extras: string[] = [];
  if (hasPhoto(index)) extras.push(`PHOTO;ENCODING=b;TYPE=JPEG:${base64(makeJpeg({ bytes: photoBytes(index), seed: index }))}`);
  if (index % 10 === 7) extras.push(longNote(index));
  if (index % 3 === 0) extras.push(`CATEGORIES:${CATEGORIES[index % CATEGORIES.length]!},${CATEGORIES[(index + 2) % CATEGORIES.length]!}`);
  if (index % 5 === 1) extras.push(`item1.EMAIL;TYPE=INTERNET:travail${index}@example.fr`, 'item1.X-ABLABEL:Bureau à Genève');
  if (index % 4 === 2) extras.push(`item2.ADR;TYPE=HOME:;;${index} Rue du Rhône;Genève;;1204;Suisse`, 'item2.X-ABLABEL:Chalet');
  if (index % 2 === 0) extras.push(`ORG:${ORGS[index % ORGS.length]!}`);
  return extras;
}

/** An Apple-style contact group (X-ADDRESSBOOKSERVER-KIND) whose members are the cards after it. */
function groupCard(index: number, revision: number): SeedItem {
  const id = String(index).padStart(4, '0');
  const members = Array.from({ length: GROUP_SIZE }, (_, i) => `X-ADDRESSBOOKSERVER-MEMBER:urn:uuid:lifeboat-card-${String(index + 1 + i).padStart(4, '0')}`);
  const lines = [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:lifeboat-card-${id}`,
    `FN:Groupe ${id} – Chorale Sainte-Cécile${revision > 0 ? ` (v${revision})` : ''}`,
    `N:Groupe ${id} – Chorale Sainte-Cécile;;;;`,
    'X-ADDRESSBOOKSERVER-KIND:group',
    ...members,
    'END:VCARD',
  ];
  return { name: `card-${id}.vcf`, data: lines.map(foldLine).join('') };
}

export function benchCard(index: number, revision = 0): SeedItem {
  return index % 100 === 50 ? groupCard(index, revision) : makeCard(index, revision, cardExtras(index));
}

/** RFC 5545 §3.6.6: a display alarm 15 minutes before. */
const ALARM = ['BEGIN:VALARM', 'ACTION:DISPLAY', 'DESCRIPTION:Rappel', 'TRIGGER:-PT15M', 'END:VALARM'];

function attendees(index: number): string[] {
  const people = [1, 2, 3].map((n) => `ATTENDEE;CN=Invité ${n};PARTSTAT=${n === 1 ? 'ACCEPTED' : 'NEEDS-ACTION'};ROLE=REQ-PARTICIPANT:mailto:guest${n}-${index}@example.org`);
  return [`ORGANIZER;CN=Zoë Ærøskøbing:mailto:organiser${index}@example.org`, ...people];
}

/** Adds `lines` to the first component that ends with `end` (the master, not the override). */
function addToFirst(item: SeedItem, end: string, lines: string[]): SeedItem {
  if (lines.length === 0) return item;
  const at = item.data.indexOf(`${end}\r\n`);
  return { ...item, data: item.data.slice(0, at) + lines.map(foldLine).join('') + item.data.slice(at) };
}

export function benchEvent(index: number, revision = 0): SeedItem {
  const zone = index % 5 === 0 ? undefined : SAMPLE_ZONES[index % SAMPLE_ZONES.length];
  const event = makeEvent(index, { zone, allDay: index % 10 === 4, recurring: index % 10 === 7, revision });
  return addToFirst(event, 'END:VEVENT', [...(index % 10 < 3 ? attendees(index) : []), ...([0, 2, 5, 7].includes(index % 10) ? ALARM : [])]);
}

export function benchTask(index: number, revision = 0): SeedItem {
  return addToFirst(makeTask(index, revision, SAMPLE_ZONES[index % SAMPLE_ZONES.length]), 'END:VTODO', index % 2 === 0 ? ALARM : []);
}

const range = (count: number): number[] => Array.from({ length: count }, (_, i) => i + 1);

export function benchCollections(size: DataSize): SeedCollection[] {
  return [
    { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: range(size.contacts).map((i) => benchCard(i)) },
    { name: 'calendar', kind: 'calendar', displayName: 'Calendar', components: ['VEVENT'], items: range(size.events).map((i) => benchEvent(i)) },
    { name: 'tasks', kind: 'calendar', displayName: 'Tâches', components: ['VTODO'], items: range(size.tasks).map((i) => benchTask(i)) },
  ];
}

export interface ItemChange {
  collection: string;
  item: SeedItem;
}

/**
 * `count` upstream edits spread over the data set, as another client would make them: half
 * contacts, half events, each a new revision of an existing item.
 */
export function benchChanges(size: DataSize, count: number, revision: number): ItemChange[] {
  const half = Math.ceil(count / 2);
  const spread = (total: number, n: number, i: number): number => 1 + Math.floor((i * total) / n);
  return [
    ...Array.from({ length: half }, (_, i) => ({ collection: 'contacts', item: benchCard(spread(size.contacts, half, i), revision) })),
    ...Array.from({ length: count - half }, (_, i) => ({ collection: 'calendar', item: benchEvent(spread(size.events, count - half, i), revision) })),
  ];
}
