// What changed from one text of an item to the next, line by line (unfolded). Each changed
// line says "added" or "removed" in words and with a sign, not with colour alone.
import { useMemo } from 'preact/hooks';
import { t } from '../../../shared/i18n';
import { diffLines } from '../../../history/line-diff';
import { unfoldLines } from '../../../shared/unfold-content-lines';
import { withContext, type ShownLine } from '../../../history/diff-context';
import { formatCount } from '../../../ui/format-count';

/** A 100 kB PHOTO line is shown by its start and length. */
const LONG = 160;

function shorten(text: string): string {
  return text.length <= LONG ? text : `${text.slice(0, 100)}… ${t('diffMoreCharacters', formatCount(text.length - 100))}`;
}

function Line({ line }: { line: ShownLine }) {
  if (line.change === 'skipped') return <li class="diff-skipped">{t('diffUnchangedLines', formatCount(line.count))}</li>;
  const sign = line.change === 'added' ? '+' : line.change === 'removed' ? '−' : ' ';
  return (
    <li class={`diff-${line.change}`}>
      <span class="diff-sign" aria-hidden="true">
        {sign}
      </span>
      {line.change !== 'same' && <span class="visually-hidden">{t(line.change === 'added' ? 'diffAdded' : 'diffRemoved')} </span>}
      <code>{shorten(line.text)}</code>
    </li>
  );
}

export function VersionDiff({ before, after }: { before: string; after: string }) {
  const lines = useMemo(() => withContext(diffLines(unfoldLines(before), unfoldLines(after))), [before, after]);
  if (!lines.some((l) => l.change === 'added' || l.change === 'removed')) return <p class="muted">{t('diffNoChange')}</p>;
  return (
    <ol class="diff" aria-label={t('diffLabel')}>
      {lines.map((line, index) => (
        <Line key={index} line={line} />
      ))}
    </ol>
  );
}
