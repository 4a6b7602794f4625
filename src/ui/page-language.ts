// A page names the language its text is in (WCAG 2.2 SC 3.1.1, Language of Page), so a screen
// reader speaks German text with a German voice. That is the language of the catalog the
// browser chose, which is English wherever the browser's language has no catalog yet: so the
// catalog itself says which it is (catalogLanguage), rather than the browser's UI language.
import { t } from '../shared/i18n';

export function markPageLanguage(): void {
  document.documentElement.lang = t('catalogLanguage');
}
