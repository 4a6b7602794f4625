// Which address books and calendars of an account are mirrored. New ones are on by default.
import { openDb } from '../db/schema';
import { collectionsOf } from '../db/collections';
import { t } from '../shared/i18n';
import { useConnector } from '../ui/connect/use-connector';
import { useLiveQuery } from '../ui/use-live-query';

export function CollectionChoice({ accountId }: { accountId: string }) {
  const { call } = useConnector();
  const collections = useLiveQuery(() => collectionsOf(openDb(), accountId), [accountId]);
  if (!collections || collections.length === 0) return null;
  return (
    <fieldset class="collections">
      <legend>{t('optionsCollections')}</legend>
      <p class="muted">{t('optionsCollectionsHelp')}</p>
      {collections
        .sort((a, b) => a.kind.localeCompare(b.kind) || a.displayName.localeCompare(b.displayName))
        .map((collection) => (
          <label key={collection.id} class="checkbox">
            <input
              type="checkbox"
              checked={collection.enabled}
              onChange={(event) => void call('setCollectionEnabled', { collectionId: collection.id, enabled: event.currentTarget.checked })}
            />
            {collection.displayName}
            <span class="muted"> · {t(collection.kind === 'calendar' ? 'kindCalendar' : 'kindAddressBook')}</span>
            {collection.goneUpstreamAt !== null && <span class="muted"> ({t('collectionGone')})</span>}
          </label>
        ))}
    </fieldset>
  );
}
