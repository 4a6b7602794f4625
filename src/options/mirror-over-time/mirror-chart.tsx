// The mirror over time as a picture: one stepped line per collection (its live items after each
// sync), so a wipe upstream is a line falling at once; backups saved in that time as marks under
// the time axis. Drawn in Preact from numbers only (names are text nodes, never markup). For
// screen readers the picture is one image named by its title and described line by line
// (<title>, <desc>); the numbers themselves are in the table beside it (mirror-numbers.tsx).
// Colours are the theme's own variables (ui/theme.css), so the dark scheme follows; lines also
// differ by dash and marker, not by colour alone (WCAG 2.2 SC 1.4.1).
import type { HistoryBackup } from '../../db/mirror-history';
import { formatAxisMoment, formatDateTime } from '../../catalog/person-locale';
import { t } from '../../shared/i18n';
import { formatCount } from '../../ui/format-count';
import { tPlural } from '../../ui/plural';
import { HEIGHT, MARGIN, WIDTH, linePath, scaleFor } from './chart-geometry';
import type { NamedLine } from './named-lines';

/** Styles (options.css .series-N): colour, dash and marker; beyond them the styles repeat. */
export const SERIES_STYLES = 5;
/** Beyond this many runs a line draws no marker per run: they would merge into a thick line. */
const MARKERS_UP_TO = 60;

export const describeLine = (line: NamedLine) => t('mirrorChartLine', line.label, formatCount(line.now), formatCount(line.highest), formatCount(line.lowest));

interface Props {
  lines: NamedLine[];
  backups: HistoryBackup[];
}

export function MirrorChart({ lines, backups }: Props) {
  const scale = scaleFor(
    lines,
    backups.map((b) => b.at),
  );
  const floor = scale.y(0);
  const moment = (at: number) => formatAxisMoment(at, scale.to - scale.from);
  const description = [
    ...lines.map(describeLine),
    ...(backups.length > 0 ? [tPlural(backups.length, { one: 'mirrorChartBackups_one', other: 'mirrorChartBackups_other' })] : []),
  ].join('. ');
  return (
    <figure class="mirror-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="mirror-chart-title mirror-chart-desc" preserveAspectRatio="xMinYMin meet">
        <title id="mirror-chart-title">{t('mirrorChartTitle', moment(scale.from), moment(scale.to))}</title>
        <desc id="mirror-chart-desc">{description}</desc>
        {scale.ticks.map((tick) => (
          <g key={tick} class="guide" aria-hidden="true">
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={scale.y(tick)} y2={scale.y(tick)} />
            <text x={MARGIN.left - 6} y={scale.y(tick)} text-anchor="end" dominant-baseline="middle">
              {formatCount(tick)}
            </text>
          </g>
        ))}
        <g class="dates" aria-hidden="true">
          <text x={MARGIN.left} y={HEIGHT - 6} text-anchor="start">
            {moment(scale.from)}
          </text>
          {scale.to !== scale.from && (
            <text x={WIDTH - MARGIN.right} y={HEIGHT - 6} text-anchor="end">
              {moment(scale.to)}
            </text>
          )}
        </g>
        {lines.map((line, i) => (
          <g key={line.collectionId} class={`series series-${i % SERIES_STYLES}`} data-collection={line.collectionId}>
            <path d={linePath(line, scale)} />
            {line.points.length <= MARKERS_UP_TO && line.points.map((p) => <circle key={p.at} cx={scale.x(p.at)} cy={scale.y(p.live)} r={3} />)}
          </g>
        ))}
        {backups.map((backup) => (
          <path key={backup.at} class="backup-mark" d={`M${scale.x(backup.at)} ${floor + 3} l-4 7 h8 z`}>
            <title>{tPlural(backup.items, { one: 'mirrorChartBackupMark_one', other: 'mirrorChartBackupMark_other' }, formatDateTime(backup.at))}</title>
          </path>
        ))}
      </svg>
      <figcaption>
        <ul class="legend">
          {lines.map((line, i) => (
            <li key={line.collectionId}>
              <svg class={`swatch series series-${i % SERIES_STYLES}`} viewBox="0 0 24 10" width="24" height="10" aria-hidden="true">
                <path d="M0 5 H24" />
                <circle cx="12" cy="5" r="3" />
              </svg>
              {describeLine(line)}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
