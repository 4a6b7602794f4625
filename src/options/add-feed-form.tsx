// Add a calendar feed: paste an .ics or webcal:// address (Google Calendar's secret address in
// iCal format, an Outlook published calendar, an iCloud public calendar). The host permission
// for the feed's server is requested first thing in the click, as for an account.
import { useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { useConnector } from '../ui/connect/use-connector';
import { t } from '../shared/i18n';
import { StatusLine } from '../ui/controls/status-line';
import { useServerCheck } from '../ui/use-server-check';
import { feedHttpUrl } from '../model/feed-url';
import { hostPermissionFor } from './server-address';

export function AddFeedForm() {
  const { call } = useConnector();
  const [url, setUrl] = useState('');
  const [label, setLabel] = useState('');
  const { busy, message, setMessage, check } = useServerCheck();

  async function add() {
    const address = feedHttpUrl(url);
    if (address === null) {
      setMessage({ text: t('feedAddressInvalid'), error: true });
      return;
    }
    const host = new URL(address);
    if (!(await browser.permissions.request({ origins: [hostPermissionFor(host)] }))) {
      setMessage({ text: t('addAccountPermissionDenied', host.host), error: true });
      return;
    }
    if (await check(async () => t('feedAdded', (await call('addFeed', { url: address, label })).events))) {
      setUrl('');
      setLabel('');
    }
  }

  return (
    <form
      class="add-feed"
      onSubmit={(event) => {
        event.preventDefault();
        void add();
      }}
    >
      <p class="muted" id="feed-help">
        {t('feedHelp')}
      </p>
      <label>
        {t('fieldFeedUrl')}
        <input name="feedUrl" type="text" inputMode="url" required aria-describedby="feed-help" placeholder="webcal://example.com/calendar.ics" value={url} onInput={(e) => (setUrl(e.currentTarget.value), setMessage(null))} />
      </label>
      <label>
        {t('fieldFeedLabel')}
        <input name="feedLabel" type="text" placeholder={t('fieldLabelPlaceholder')} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {t('feedSubmit')}
        </button>
      </div>
      <StatusLine message={message} />
    </form>
  );
}
