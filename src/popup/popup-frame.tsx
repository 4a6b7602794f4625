// The popup's frame as it looks before any data arrives: the header, one account card's
// outline and the buttons in their places, with their words. It imports nothing but Preact and
// the catalog, and needs no data: main.tsx renders it at once, before the counts are read, and
// Dexie loads after the popup's first render. The live popup shows this same frame until its
// first read returns, so nothing moves when the counts arrive.
import type { ComponentChildren } from 'preact';
import { browser } from '../shared/browser';
import { t } from '../shared/i18n';

export function PopupFrame() {
  return (
    <main class="popup" aria-busy="true">
      <PopupHeader />
      <ul class="accounts">
        {/* An outline only: a reader is told the page is busy (aria-busy), not read empty bars. */}
        <li class="account account-skeleton" aria-hidden="true">
          <div class="account-head">
            <span class="skeleton-bar skeleton-title" />
          </div>
          <p class="counts">
            <span class="skeleton-bar skeleton-counts" />
          </p>
          <p class="skeleton-status">
            <span class="skeleton-bar skeleton-line" />
          </p>
        </li>
      </ul>
      <div class="actions">
        <button type="button" disabled>
          {t('popupSyncNow')}
        </button>
      </div>
      <div class="actions">
        <button type="button" class="primary" disabled>
          {t('popupExportContacts')}
        </button>
        <button type="button" class="primary" disabled>
          {t('popupExportCalendars')}
        </button>
      </div>
      <PopupFooter />
    </main>
  );
}

export function PopupHeader() {
  return (
    <header>
      <h1>{t('extensionName')}</h1>
    </header>
  );
}

/** The footer; "Options" works from the first frame, since it needs no data. */
export function PopupFooter({ children }: { children?: ComponentChildren }) {
  return (
    <footer>
      {children}
      <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('popupOpenOptions')}
      </button>
    </footer>
  );
}
