// The two views of the options page, as links: each has an address of its own.
import { t } from '../shared/i18n';

export function OptionsNav({ current }: { current: 'settings' | 'browse' }) {
  return (
    <nav class="options-nav" aria-label={t('navLabel')}>
      <a href="#" aria-current={current === 'settings' ? 'page' : undefined}>
        {t('navSettings')}
      </a>
      <a href="#browse" aria-current={current === 'browse' ? 'page' : undefined}>
        {t('navBrowse')}
      </a>
    </nav>
  );
}
