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
  name?: string;
  class?: string;
};

const nothing = () => Promise.resolve();

export function Button({ onAction, children, primary = false, type = 'button', disabled = false, busy = false, name, class: extra }: Props) {
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
      {working && <span class="spinner" aria-hidden="true" />}
      {children}
    </button>
  );
}
