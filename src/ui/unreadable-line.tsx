// "1 item could not be read; it is kept exactly as the server sent it", with a link to the run
// log that names it. Shown per account, only when the mirror holds such items.
import { t } from '../shared/i18n';
import { openRunLog } from './open-run-log';
import { unreadableSentence } from './status-sentences';

interface Props {
  count: number;
  /** Where "See which" leads: the options page's run log (from the options page itself, a scroll). */
  onShow?: () => void;
}

export function UnreadableLine({ count, onShow = () => void openRunLog() }: Props) {
  if (count === 0) return null;
  return (
    <p class="status status-unreadable" data-testid="unreadable-line">
      {unreadableSentence(count)}{' '}
      <button type="button" class="link" onClick={onShow}>
        {t('statusUnreadableShow')}
      </button>
    </p>
  );
}
