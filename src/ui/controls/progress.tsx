// How far a long action has come: a native <progress> (role progressbar, read out by screen
// readers), with a value when the work knows its size and without one while it does not
// (indeterminate, https://html.spec.whatwg.org/multipage/form-elements.html#the-progress-element).
// Its name says what is in progress; the words beside it say how far, in the person's numbers.
import { t } from '../../shared/i18n';
import { formatCount } from '../format-count';

interface Props {
  /** What is in progress ("Building the backup"): the progress bar's accessible name. */
  label: string;
  /** Done so far and the whole; leave `max` out while the whole is unknown. */
  value?: number;
  max?: number;
}

export function Progress({ label, value, max }: Props) {
  const known = value !== undefined && max !== undefined && max > 0;
  return (
    <div class="progress">
      <progress aria-label={label} {...(known ? { value: Math.min(value, max), max } : {})} />
      <span class="muted">{known ? t('progressOf', label, formatCount(value), formatCount(max)) : t('progressWorking', label)}</span>
    </div>
  );
}
