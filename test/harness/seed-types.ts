// What the harness seeds a server with: collections of items, each item a file name and text.
export type SeedKind = 'addressbook' | 'calendar';

export interface SeedItem {
  /** File name inside the collection, e.g. `card-0001.vcf`: letters, digits, `._@-` only. */
  name: string;
  /** The item text, written byte for byte (UTF-8). */
  data: string;
}

export interface SeedCollection {
  /** Path segment of the collection under the user's home, e.g. `contacts`. */
  name: string;
  kind: SeedKind;
  displayName?: string;
  /** Calendars: the components it takes (RFC 4791 §5.2.3), e.g. `['VTODO']` for a task list. */
  components?: string[];
  items?: SeedItem[];
}

/** What startRadicale creates when it is given no seed: one empty collection of each kind. */
export const DEFAULT_COLLECTIONS: SeedCollection[] = [
  { name: 'contacts', kind: 'addressbook', displayName: 'Contacts' },
  { name: 'calendar', kind: 'calendar', displayName: 'Calendar' },
];

// Letters (any script), digits and `._@-`: safe as a folder name and readable in a URL.
const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N}._@-]*$/u;

export function assertSafeName(name: string): void {
  if (!SAFE_NAME.test(name)) throw new Error(`Unsafe seed name: ${JSON.stringify(name)}`);
}
