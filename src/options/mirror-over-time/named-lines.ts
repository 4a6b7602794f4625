// The chart's lines with the names a person knows them by, and the numbers its legend and its
// description say of each: the count now, the highest and the lowest of the days shown.
import type { HistoryLine } from '../../db/mirror-history';
import { t } from '../../shared/i18n';

export interface NamedLine extends HistoryLine {
  label: string;
  now: number;
  highest: number;
  lowest: number;
}

/** `accounts`: each account's name, which prefixes its collections' when there are several accounts. */
export function namedLines(lines: HistoryLine[], accounts: Map<string, string>): NamedLine[] {
  const several = new Set(lines.map((line) => line.accountId)).size > 1;
  return lines
    .filter((line) => line.points.length > 0)
    .map((line) => {
      const account = accounts.get(line.accountId) ?? '';
      const own = line.name ?? t('mirrorChartPhotos', account);
      const counts = line.points.map((p) => p.live);
      return {
        ...line,
        label: several && line.name !== null ? `${account} · ${own}` : own,
        now: counts.at(-1)!,
        highest: Math.max(...counts),
        lowest: Math.min(...counts),
      };
    });
}
