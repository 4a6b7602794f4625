// Label and value pairs of an item, as a description list.
import { t } from '../../shared/i18n';
import type { DetailRow } from './contact-details';

export function DetailList({ rows }: { rows: DetailRow[] }) {
  if (rows.length === 0) return <p class="muted">{t('detailsNone')}</p>;
  return (
    <dl class="details">
      {rows.map((row, index) => (
        <div key={index} class="detail-row">
          <dt>{t(row.label)}</dt>
          <dd>{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
