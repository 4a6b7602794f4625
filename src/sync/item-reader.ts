// How the engine understands an item's text: a kind-specific reader that checks it and
// derives display fields, or says in plain words why it cannot.
import type { ItemKind } from '../db/records';

export interface ItemFields {
  uid: string | null;
  title: string;
  emails: string[];
  phones: string[];
}

export type ItemReading = { ok: true; fields: ItemFields } | { ok: false; reason: string };

export interface ItemReader {
  kind: ItemKind;
  read(raw: string): ItemReading;
}
