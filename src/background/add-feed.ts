// Adding a calendar feed: download it once (a person is waiting: two tries), count what it
// holds, keep its full address with the credentials, and start the first mirror.
import { openDb } from '../db/schema';
import { insertAccount } from '../db/accounts';
import type { NewFeed } from '../shared/rpc-contract';
import { createFeedSource } from '../providers/ics-feed/feed-source';
import { feedBase, feedHttpUrl } from '../model/feed-url';
import { icsFeedSetup } from '../providers/ics-feed/setup';
import { savePassword } from './credentials';
import { syncOne } from './sync-runner';
import { t } from '../catalog/catalog-text';

const INTERACTIVE = { retry: { maxAttempts: 2 } };

export async function addFeed(feed: NewFeed): Promise<{ accountId: string; events: number }> {
  const url = feedHttpUrl(feed.url);
  if (url === null) throw new Error(t('errorNotAFeed'));
  const label = feed.label.trim() || new URL(url).hostname;
  const source = createFeedSource({ url, label }, INTERACTIVE);
  const [collection] = await source.listCollections();
  const listing = await source.listChanges(collection!, {});
  const events = listing.mode === 'full' ? listing.items.length : 0;

  const id = crypto.randomUUID();
  await savePassword(id, url);
  await insertAccount(openDb(), { id, kind: icsFeedSetup.kind, label, serverUrl: feedBase(url), calendarServerUrl: null, services: ['calendar'], username: '' }, Date.now());
  void syncOne(id);
  return { accountId: id, events };
}
