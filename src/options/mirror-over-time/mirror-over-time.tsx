// The Activity section's picture: the mirror over time (db/mirror-history.ts), read live, so a
// run that ends adds its point while the page is open.
import type { AccountRecord } from '../../model/account';
import { openDb } from '../../db/schema';
import { mirrorHistory } from '../../db/mirror-history';
import { t } from '../../shared/i18n';
import { useLiveQuery } from '../../ui/use-live-query';
import { MirrorChart } from './mirror-chart';
import { MirrorNumbers } from './mirror-numbers';
import { namedLines } from './named-lines';

export function MirrorOverTime({ accounts }: { accounts: AccountRecord[] }) {
  const ids = accounts.map((a) => a.id).join(',');
  const history = useLiveQuery(() => mirrorHistory(openDb(), accounts.map((a) => a.id)), [ids]);
  if (!history) return null;
  const lines = namedLines(history.lines, new Map(accounts.map((a) => [a.id, a.label])));
  if (lines.length === 0) return <p class="muted">{t('mirrorChartEmpty')}</p>;
  return (
    <>
      <p>{t('mirrorChartIntro')}</p>
      <MirrorChart lines={lines} backups={history.backups} />
      <MirrorNumbers lines={lines} />
    </>
  );
}
