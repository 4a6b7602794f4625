// Contacts: a search by name, email or phone (an index lookup, fast with 20,000 contacts), and
// the chosen contact's card and history.
import { useState } from 'preact/hooks';
import { openDb } from '../../db/schema';
import { searchContacts } from '../../db/browse-items';
import { t } from '../../shared/i18n';
import { useLiveQuery } from '../../ui/use-live-query';
import { ItemList } from './item-list';
import { BrowseSplit } from './browse-split';
import { usePaged } from './use-paged';
import { ExportFound } from './export-selection';

export function ContactsView({ showDeleted }: { showDeleted: boolean }) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const { limit, more } = usePaged(query);
  const contacts = useLiveQuery(() => searchContacts(openDb(), query, { limit, showDeleted }), [query, limit, showDeleted]);
  return (
    <BrowseSplit selectedId={selected}>
      <label>
        {t('browseSearchContacts')}
        <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} autoComplete="off" />
      </label>
      <ItemList
        items={contacts}
        label={t('browseContacts')}
        selectedId={selected}
        onSelect={setSelected}
        describe={(item) => item.emails[0] ?? item.phones[0] ?? ''}
        empty={query ? t('browseNoMatch', query) : t('browseNoContacts')}
        onMore={contacts?.length === limit ? more : undefined}
      />
      {query && contacts && contacts.length > 0 && <ExportFound query={query} showDeleted={showDeleted} />}
    </BrowseSplit>
  );
}
