// Where a person is in a few steps ("1 Provider · 2 Sign in · 3 Copy"): an ordered list whose
// current step carries aria-current, so screen readers announce it as the current one.
interface Props {
  /** The steps' names, already translated. */
  steps: string[];
  current: number;
  label: string;
}

export function Stepper({ steps, current, label }: Props) {
  return (
    <ol class="stepper" aria-label={label}>
      {steps.map((name, index) => (
        <li key={name} aria-current={index === current ? 'step' : undefined} class={index < current ? 'step-done' : undefined}>
          {name}
        </li>
      ))}
    </ol>
  );
}
