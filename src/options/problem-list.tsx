// A short list of what went wrong, item by item; long lists are cut with a count of the rest.
import { formatCount } from '../ui/format-count';

const SHOWN = 20;

export function ProblemList({ heading, problems }: { heading: string; problems: string[] }) {
  return (
    <div class="problems">
      {heading && <p>{heading}</p>}
      <ul>
        {problems.slice(0, SHOWN).map((problem, index) => (
          <li key={index}>{problem}</li>
        ))}
        {problems.length > SHOWN && <li>… +{formatCount(problems.length - SHOWN)}</li>}
      </ul>
    </div>
  );
}
