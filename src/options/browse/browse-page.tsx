// Browsing the mirror: contacts, the calendar (agenda or month), tasks and photos, each at its
// own address (#browse/contacts …), with items deleted upstream shown and marked unless hidden.
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../shared/i18n';
import { OptionsNav } from '../options-nav';
import { ContactsView } from './contacts-view';
import { AgendaView } from './agenda-view';
import { MonthView } from './month-view';
import { TasksView } from './tasks-view';
import { PhotosView } from './photos-view';
import './browse.css';

const VIEWS: Array<{ id: string; label: MessageKey }> = [
  { id: 'contacts', label: 'browseContacts' },
  { id: 'agenda', label: 'browseAgenda' },
  { id: 'month', label: 'browseMonth' },
  { id: 'tasks', label: 'browseTasks' },
  { id: 'photos', label: 'browsePhotos' },
];

export function BrowsePage({ route }: { route: string }) {
  const view = VIEWS.find((v) => route === `browse/${v.id}`)?.id ?? 'contacts';
  const [showDeleted, setShowDeleted] = useState(true);
  return (
    <main class="options browse">
      <header>
        <h1>{t('browseTitle')}</h1>
        <OptionsNav current="browse" />
      </header>
      <nav class="browse-views" aria-label={t('browseViews')}>
        {VIEWS.map((v) => (
          <a key={v.id} href={`#browse/${v.id}`} aria-current={v.id === view ? 'page' : undefined}>
            {t(v.label)}
          </a>
        ))}
      </nav>
      {view !== 'photos' && (
        <label class="checkbox">
          <input type="checkbox" checked={showDeleted} onChange={(e) => setShowDeleted(e.currentTarget.checked)} />
          {t('browseShowDeleted')}
        </label>
      )}
      {view === 'contacts' && <ContactsView showDeleted={showDeleted} />}
      {view === 'agenda' && <AgendaView showDeleted={showDeleted} />}
      {view === 'month' && <MonthView showDeleted={showDeleted} />}
      {view === 'tasks' && <TasksView showDeleted={showDeleted} />}
      {view === 'photos' && <PhotosView />}
    </main>
  );
}
