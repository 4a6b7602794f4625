// The field: its control named by the label, described by the hint and the error, marked
// invalid only while there is an error.
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/preact';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { Field } = await import('../../src/ui/controls/field');

const describedBy = (element: HTMLElement) =>
  (element.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent);

describe('Field', () => {
  it('names the control by its label and describes it by its hint', () => {
    render(<Field label="Server address" hint="As your provider gives it">{(control) => <input {...control} type="text" />}</Field>);
    const input = screen.getByLabelText('Server address');
    expect(describedBy(input)).toEqual(['As your provider gives it']);
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('adds the error to the description, announces it, and marks the control invalid', () => {
    render(
      <Field label="Server address" hint="As your provider gives it" error="This is not a web address.">
        {(control) => <input {...control} type="text" />}
      </Field>,
    );
    const input = screen.getByLabelText('Server address');
    expect(describedBy(input)).toEqual(['As your provider gives it', 'This is not a web address.']);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toBe('This is not a web address.');
  });

  it('gives two fields different ids, and puts a checkbox before its label', () => {
    render(
      <>
        <Field label="One">{(control) => <input {...control} type="text" />}</Field>
        <Field label="Encrypt" checkbox>
          {(control) => <input {...control} type="checkbox" />}
        </Field>
      </>,
    );
    const box = screen.getByLabelText('Encrypt');
    expect(box.id).not.toBe(screen.getByLabelText('One').id);
    expect(box.getAttribute('aria-describedby')).toBeNull();
    expect(box.parentElement?.firstChild).toBe(box);
  });
});
