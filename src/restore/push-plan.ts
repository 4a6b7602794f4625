// What a restore into a server collection would do, decided before any request: each item is
// either already there (the collection holds its UID) or to be created under a name derived
// from its UID, so that running the restore again targets the same names and creates nothing.

export interface ItemToPush {
  title: string;
  uid: string | null;
  raw: string;
}

export interface PlannedCreate extends ItemToPush {
  url: string;
}

export interface PushPlan {
  create: PlannedCreate[];
  alreadyThere: ItemToPush[];
}

const SAFE_NAME = /^[A-Za-z0-9_.@-]{1,100}$/;

function hex(bytes: ArrayBuffer): string {
  return [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A UID made of safe characters is the name itself, as most clients do; any other UID (or the
 * text, when there is no UID) is hashed, so the name is stable and valid in a URL path.
 */
export async function resourceName(item: ItemToPush, extension: string): Promise<string> {
  if (item.uid && SAFE_NAME.test(item.uid) && !item.uid.startsWith('.')) return `${item.uid}${extension}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(item.uid ?? item.raw));
  return `lifeboat-${hex(digest).slice(0, 32)}${extension}`;
}

export async function planPush(items: ItemToPush[], uidsThere: ReadonlySet<string>, collectionHref: string, extension: string): Promise<PushPlan> {
  const plan: PushPlan = { create: [], alreadyThere: [] };
  const base = collectionHref.endsWith('/') ? collectionHref : `${collectionHref}/`;
  const planned = new Set<string>();
  for (const item of items) {
    if (item.uid !== null && uidsThere.has(item.uid)) {
      plan.alreadyThere.push(item);
      continue;
    }
    const url = new URL(encodeURIComponent(await resourceName(item, extension)), base).href;
    // Two items with one UID (a copy kept twice in the mirror) become one resource.
    if (planned.has(url)) {
      plan.alreadyThere.push(item);
      continue;
    }
    planned.add(url);
    plan.create.push({ ...item, url });
  }
  return plan;
}
