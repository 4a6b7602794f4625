// Add a calendar feed: paste an .ics or webcal:// address (Google Calendar's secret address in
// iCal format, an Outlook published calendar, an iCloud public calendar). The host permission
// for the feed's server is requested first thing in the click, as for an account. The check and
// the first mirror report through the database, as for an account (ui/call-through-db.ts): a slow
// feed outlasts Firefox's idle event page.
import { useState } from 'preact/hooks';
import { browser } from '../shared/browser';
import { useConnector } from '../ui/connect/use-connector';
import { followFirstMirror } from '../ui/follow-first-mirror';
import { t } from '../shared/i18n';
import { StatusLine } from '../ui/controls/status-line';
import { Button } from '../ui/controls/button';
import { Field } from '../ui/controls/field';
import { useServerCheck } from '../ui/use-server-check';
import { feedHttpUrl } from '../model/feed-url';
import { hostPermissionFor } from './server-address';

export function AddFeedForm() {
  const { callThroughDb } = useConnector();
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
    const added = await check(async () => {
      const answer = await callThroughDb('addFeed', { url: address, label });
      followFirstMirror(answer.accountId);
      return t('feedAdded', answer.events);
    });
    if (added) {
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
      <Field label={t('fieldFeedUrl')} hint={t('feedHelp')}>
        {(control) => (
          <input {...control} name="feedUrl" type="text" inputMode="url" required placeholder="webcal://example.com/calendar.ics" value={url} onInput={(e) => (setUrl(e.currentTarget.value), setMessage(null))} />
        )}
      </Field>
      <Field label={t('fieldFeedLabel')}>
        {(control) => <input {...control} name="feedLabel" type="text" placeholder={t('fieldLabelPlaceholder')} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />}
      </Field>
      <div class="actions">
        <Button type="submit" primary busy={busy}>
          {t('feedSubmit')}
        </Button>
      </div>
      <StatusLine message={message} />
    </form>
  );
}
