// Restore into a server: copies an address book or a calendar from the mirror, as it is or as
// it was at a past moment, into a CardDAV/CalDAV collection of any configured account (a new
// provider after a wipe, say). A dry run lists what would be created; a real run creates only
// what the collection lacks and never overwrites, so running it twice duplicates nothing.
import type { LifeboatDb } from '../db/schema';
import type { PushParams, PushReport } from '../model/push';
import { selectForExport } from '../db/export-selection';
import { EXPORT_FORMATS } from '../exporters/build-export';
import type { Readers } from '../model/item-reader';
import { isFailure, type RemoteCollection, type Source } from '../model/source';
import type { PutOutcome } from '../providers/dav/put-new-item';
import { hasContactLabels } from './contact-labels';
import { planPush, type ItemToPush } from './push-plan';
import { t } from '../catalog/catalog-text';

export interface PushTarget {
  source: Source;
  put(url: string, body: string, mediaType: string): Promise<PutOutcome>;
  /** False for an address book that drops CATEGORIES (Google's); default true. */
  keepsLabels?: boolean;
}

const MEDIA_TYPES = { addressbook: 'text/vcard', calendar: 'text/calendar' } as const;
const EXTENSIONS = { addressbook: '.vcf', calendar: '.ics' } as const;
const PARALLEL_PUTS = 8;

async function uidsIn(target: PushTarget, collection: RemoteCollection, readers: Readers): Promise<Set<string>> {
  // Where sync-collection is offered, an initial one (an empty token, RFC 6578 §3.4) lists every
  // member: Google refuses a Depth 1 listing of a collection once it was synced that way.
  const listing = await target.source.listChanges(collection, collection.supportsSyncCollection ? { syncToken: '' } : {});
  const hrefs = listing.mode === 'full' ? listing.items.map((i) => i.href) : listing.mode === 'delta' ? listing.changed.map((i) => i.href) : [];
  const uids = new Set<string>();
  for (const item of await target.source.fetchItems(collection, hrefs)) {
    if (isFailure(item)) continue;
    const reading = readers[collection.kind].read(item.data);
    if (reading.ok && reading.fields.uid) uids.add(reading.fields.uid);
  }
  return uids;
}

export async function pushToCollection(db: LifeboatDb, params: PushParams, target: PushTarget, readers: Readers): Promise<PushReport> {
  const from = await db.collections.get(params.sourceCollectionId);
  if (!from) throw new Error(t('errorCollectionGoneFromMirror'));
  const into = (await target.source.listCollections()).find((c) => c.href === params.targetCollectionHref);
  if (!into) throw new Error(t('errorCollectionGoneFromServer'));
  if (into.kind !== from.kind) throw new Error(from.kind === 'addressbook' ? 'Contacts can only be restored into an address book' : 'Events and tasks can only be restored into a calendar');

  const format = EXPORT_FORMATS[from.kind === 'addressbook' ? 'contacts' : 'calendars'];
  const selection = { kinds: format.kinds, collectionId: from.id, ...(params.asOf !== undefined ? { asOf: params.asOf } : {}) };
  const items: ItemToPush[] = (await selectForExport(db, selection)).map(({ title, uid, raw }) => ({ title, uid, raw }));
  const plan = await planPush(items, await uidsIn(target, into, readers), into.href, EXTENSIONS[into.kind]);
  const report: PushReport = { dryRun: params.dryRun, created: 0, alreadyThere: plan.alreadyThere.length, failed: [], titles: [], labelsNotKept: 0 };
  const losesLabels = (item: ItemToPush) => into.kind === 'addressbook' && target.keepsLabels === false && hasContactLabels(item.raw);
  if (params.dryRun) {
    report.created = plan.create.length;
    report.titles = plan.create.slice(0, 100).map((item) => item.title);
    report.labelsNotKept = plan.create.filter(losesLabels).length;
    return report;
  }
  // A few requests at a time (the host limiter caps them per server anyway).
  for (let start = 0; start < plan.create.length; start += PARALLEL_PUTS) {
    const slice = plan.create.slice(start, start + PARALLEL_PUTS);
    const results = await Promise.all(slice.map((item) => target.put(item.url, item.raw, MEDIA_TYPES[into.kind])));
    results.forEach((result, index) => {
      const item = slice[index]!;
      if (result.outcome === 'created') {
        report.created++;
        if (losesLabels(item)) report.labelsNotKept++;
        if (report.titles.length < 100) report.titles.push(item.title);
      } else if (result.outcome === 'exists') report.alreadyThere++;
      else report.failed.push({ title: item.title, reason: result.reason });
    });
  }
  return report;
}
