// A button whose action takes a while: while the action's promise runs the button is disabled
// (no second command from a double click), shows a spinner and says aria-busy, so a screen
// reader announces that it is working (https://www.w3.org/TR/wai-aria-1.2/#aria-busy). The
// label stays, so tests and people still find the button by its name.
import type { ComponentChildren } from 'preact';
import { useAction } from '../use-action';

/**
 * A plain button runs `onAction`: busy until its promise settles, its errors the caller's to
 * show. A submit button has none: its form's onSubmit does the work (Enter in a field too) and
 * passes `busy`.
 */
type Work = { type?: 'button'; onAction: () => Promise<unknown> } | { type: 'submit'; onAction?: never };

type Props = Work & {
  children: ComponentChildren;
  primary?: boolean;
  /** Disabled from outside: another action of the same panel runs, or the form is not ready. */
  disabled?: boolean;
  /** Busy from outside: the work goes on after the promise (a run the worker reports through the database). */
  busy?: boolean;
  /**
   * The outside work shows its own progress bar beside the button: busy then shows no spinner.
   * A spinner turning through a whole run has the compositor draw 60 frames a second for
   * minutes (measured: about a tenth of Chromium's CPU during a first mirror).
   */
  progressShown?: boolean;
  name?: string;
  class?: string;
};

const nothing = () => Promise.resolve();

export function Button({ onAction, children, primary = false, type = 'button', disabled = false, busy = false, progressShown = false, name, class: extra }: Props) {
  const [running, run] = useAction(onAction ?? nothing);
  const working = running || busy;
  const classes = [primary ? 'primary' : '', working ? 'is-busy' : '', extra ?? ''].filter(Boolean).join(' ');
  return (
    <button
      type={type}
      name={name}
      class={classes || undefined}
      disabled={disabled || working}
      aria-busy={working ? 'true' : undefined}
      onClick={(event) => {
        // A submit button's form handles the submit; a plain button runs its action.
        if (type === 'submit') return;
        event.preventDefault();
        void run().catch(() => undefined);
      }}
    >
      {(running || (busy && !progressShown)) && <span class="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
