// The chart's numbers as a table, behind a disclosure: every run's count per collection, newest
// first, for whoever would rather read than look (and for screen readers, which get the chart's
// summary from its description).
import { formatDateTime } from '../../catalog/person-locale';
import { t } from '../../shared/i18n';
import { formatCount } from '../../ui/format-count';
import { ColumnHeads } from '../../ui/controls/column-heads';
import type { NamedLine } from './named-lines';

export function MirrorNumbers({ lines }: { lines: NamedLine[] }) {
  const rows = lines
    .flatMap((line) => line.points.map((point) => ({ ...point, collectionId: line.collectionId, label: line.label })))
    .sort((a, b) => b.at - a.at || a.label.localeCompare(b.label));
  return (
    <details class="mirror-numbers">
      <summary>{t('mirrorChartNumbers')}</summary>
      <table>
        <ColumnHeads labels={[t('mirrorChartWhen'), t('exportItemsCollection'), t('mirrorChartItems')]} />
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.at}|${row.collectionId}`}>
              <td>{formatDateTime(row.at)}</td>
              <td>{row.label}</td>
              <td class="number">{formatCount(row.live)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
