// The mirrored collections as a person picks them from a list: "Work calendar (Fastmail)".
import type { LifeboatDb } from '../db/schema';
import type { CollectionKind } from '../model/source';

export interface CollectionChoice {
  id: string;
  accountId: string;
  href: string;
  kind: CollectionKind;
  label: string;
}

export async function collectionChoices(db: LifeboatDb): Promise<CollectionChoice[]> {
  const accounts = new Map((await db.accounts.toArray()).map((a) => [a.id, a.label]));
  const collections = await db.collections.toArray();
  return collections
    .map((c) => ({ id: c.id, accountId: c.accountId, href: c.href, kind: c.kind, label: `${c.displayName} (${accounts.get(c.accountId) ?? '?'})` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
