// A form field: its label, the control, a hint and an error, tied together by ids so a screen
// reader reads the hint and the error with the control (aria-describedby) and knows a refused
// value (aria-invalid), https://www.w3.org/WAI/tutorials/forms/instructions/. The label wraps
// the control, so it is named by the label's text wherever the control is found.
import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

/** What the control itself must carry: spread onto the input, select or textarea. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: 'true';
}

interface Props {
  label: string;
  hint?: string;
  /** A refusal of what was typed; empty or missing when there is none. */
  error?: string | null;
  /** A checkbox reads label after box. */
  checkbox?: boolean;
  children: (control: FieldControlProps) => ComponentChildren;
}

export function Field({ label, hint, error, checkbox = false, children }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ');
  const control = children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': 'true' as const } : {}) });
  return (
    <div class="field">
      <label class={checkbox ? 'checkbox' : undefined}>
        {checkbox ? control : label}
        {checkbox ? label : control}
      </label>
      {hint && (
        <p id={hintId} class="field-hint muted">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} class="field-error message-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
