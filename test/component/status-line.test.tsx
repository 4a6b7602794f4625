// The status line: errors as alerts, other news as status, always present so that what appears
// in it is announced, and what follows the sentence shown only with a sentence.
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/preact';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { StatusLine } = await import('../../src/ui/controls/status-line');

describe('StatusLine', () => {
  it('is an empty status before anything happened, without what follows', () => {
    render(<StatusLine message={null}>See which</StatusLine>);
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('announces an error at once', () => {
    render(<StatusLine message={{ text: 'The server refused the password.', error: true }} />);
    const line = screen.getByRole('alert');
    expect(line.textContent).toBe('The server refused the password.');
    expect(line.className).toContain('message-error');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('says success, warning and information politely, each in its tone', () => {
    const { rerender } = render(<StatusLine message={{ text: 'Saved.', error: false }} />);
    expect(screen.getByRole('status').className).toContain('message-success');
    rerender(<StatusLine message={{ text: '2 items left out.', error: false, tone: 'warning' }}>See which</StatusLine>);
    expect(screen.getByRole('status').className).toContain('message-warning');
    expect(screen.getByRole('status').textContent).toBe('2 items left out.See which');
    rerender(<StatusLine message={{ text: 'Nothing to do.', error: false, tone: 'info' }} />);
    expect(screen.getByRole('status').className).toContain('message-info');
  });
});
