// The benchmark's data set for one size: an address book, a calendar and a task list shaped
// like a real person's. Deterministic (every choice follows from the item's number), so runs
// on different machines mirror the same bytes.
//
// Contacts: non-ASCII names and notes on folded lines (from makeCard); 10% with a JPEG photo of
// 3–12 KB carrying EXIF; a third with CATEGORIES; a fifth with an Apple-style labelled property
// group (`item1.`); half with an organisation; one in a hundred is a contact group listing members.
// Events: 10% weekly series with an excluded date and a moved occurrence; 10% all-day; the rest
// spread over UTC and four zones (two northern DST rules, a southern one, none).
// Tasks: one per ten contacts, with due dates in those zones.
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

const CATEGORIES = ['Famille', 'Work', 'Rowing club', 'Nachbarn', '友人'];
const ORGS = ['Harbour Rowing Club', 'Northwind Clinic', 'Atelier Lumière', 'Kyoto Ceramics', 'Open Library'];
const GROUP_SIZE = 20;

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

function cardExtras(index: number): string[] {
  const extras: string[] = [];
  if (index % 10 === 3) {
    const photo = makeJpeg({ bytes: 3000 + (index % 10) * 1000 + (index % 7) * 1000, seed: index });
    extras.push(`PHOTO;ENCODING=b;TYPE=JPEG:${base64(photo)}`);
  }
  if (index % 3 === 0) extras.push(`CATEGORIES:${CATEGORIES[index % CATEGORIES.length]!},${CATEGORIES[(index + 2) % CATEGORIES.length]!}`);
  if (index % 5 === 1) extras.push(`item1.EMAIL;TYPE=INTERNET:travail${index}@example.fr`, 'item1.X-ABLABEL:Bureau à Genève');
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

export function benchEvent(index: number, revision = 0): SeedItem {
  const zone = index % 5 === 0 ? undefined : SAMPLE_ZONES[index % SAMPLE_ZONES.length];
  return makeEvent(index, { zone, allDay: index % 10 === 4, recurring: index % 10 === 7, revision });
}

export function benchTask(index: number, revision = 0): SeedItem {
  return makeTask(index, revision, SAMPLE_ZONES[index % SAMPLE_ZONES.length]);
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
