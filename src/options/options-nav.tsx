// The options page's sections and the browsing view, as links: each has an address of its own.
import { t } from '../shared/i18n';
import { SECTIONS, type SectionId } from './sections';

export function OptionsNav({ current }: { current: SectionId | 'browse' | 'setup' }) {
  return (
    <nav class="options-nav" aria-label={t('navLabel')}>
      {SECTIONS.map(({ id, label }) => (
        <a key={id} href={`#${id}`} aria-current={current === id ? 'page' : undefined}>
          {t(label)}
        </a>
      ))}
      <a href="#browse" aria-current={current === 'browse' ? 'page' : undefined}>
        {t('navBrowse')}
      </a>
    </nav>
  );
}
