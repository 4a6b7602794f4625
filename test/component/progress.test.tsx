// Progress: a progressbar named by what is in progress, with a value only when the size of
// the work is known, and its counts in the person's numbers.
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/preact';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { Progress } = await import('../../src/ui/controls/progress');

describe('Progress', () => {
  it('is indeterminate while the whole is unknown', () => {
    render(<Progress label="Building the backup" />);
    const bar = screen.getByRole<HTMLProgressElement>('progressbar', { name: 'Building the backup' });
    expect(bar.hasAttribute('value')).toBe(false);
    expect(screen.getByText('Building the backup…')).toBeTruthy();
  });

  it('says how far, with grouped numbers, and never past the whole', () => {
    render(<Progress label="Copying" value={12_500} max={20_000} />);
    const bar = screen.getByRole<HTMLProgressElement>('progressbar', { name: 'Copying' });
    expect(bar.getAttribute('value')).toBe('12500');
    expect(bar.getAttribute('max')).toBe('20000');
    expect(screen.getByText(`Copying: ${(12_500).toLocaleString()} of ${(20_000).toLocaleString()}`)).toBeTruthy();
  });

  it('caps a value beyond the whole', () => {
    render(<Progress label="Copying" value={30} max={20} />);
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('20');
  });
});
