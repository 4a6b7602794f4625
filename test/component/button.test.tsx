// The busy button: disabled, with a spinner and aria-busy, exactly while its action runs, and
// found by its name all the while (the e2e tests click buttons by name).
import { describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { Button } = await import('../../src/ui/controls/button');

function held() {
  let release = () => {};
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

describe('Button', () => {
  it('is busy while its action runs, and ready again when it ends', async () => {
    const work = held();
    const action = vi.fn(() => work.promise);
    render(<Button onAction={action}>Export contacts</Button>);
    const button = screen.getByRole('button', { name: 'Export contacts' });
    expect(button.getAttribute('aria-busy')).toBeNull();

    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'));
    expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(button.querySelector('.spinner')?.getAttribute('aria-hidden')).toBe('true');
    fireEvent.click(button);
    expect(action).toHaveBeenCalledTimes(1);

    work.release();
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    expect(button.getAttribute('aria-busy')).toBeNull();
    expect(button.querySelector('.spinner')).toBeNull();
  });

  it('is ready again after a failed action', async () => {
    render(<Button onAction={() => Promise.reject(new Error('refused'))}>Save</Button>);
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Save' });
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBeNull());
    expect(button.disabled).toBe(false);
  });

  it('shows busy from outside, and stays disabled when told', () => {
    const { rerender } = render(
      <Button onAction={() => Promise.resolve()} busy>
        Sync now
      </Button>,
    );
    expect(screen.getByRole('button', { name: 'Sync now' }).getAttribute('aria-busy')).toBe('true');
    expect(screen.getByRole('button', { name: 'Sync now' }).querySelector('.spinner')).not.toBeNull();
    rerender(
      <Button onAction={() => Promise.resolve()} disabled primary>
        Sync now
      </Button>,
    );
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Sync now' });
    expect(button.disabled).toBe(true);
    expect(button.getAttribute('aria-busy')).toBeNull();
    expect(button.className).toBe('primary');
  });

  it('shows no spinner for outside work whose progress is shown beside it, but does for its own action', async () => {
    const work = held();
    render(
      <Button onAction={() => work.promise} busy progressShown>
        Sync now
      </Button>,
    );
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Sync now' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.disabled).toBe(true);
    expect(button.querySelector('.spinner')).toBeNull();
    cleanup();
    render(
      <Button onAction={() => work.promise} progressShown>
        Sync now
      </Button>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Sync now' }).querySelector('.spinner')).not.toBeNull());
    work.release();
  });

  it('as a submit button leaves the work to its form, and is busy while the form says so', async () => {
    const submitted = vi.fn((event: Event) => event.preventDefault());
    const { rerender } = render(
      <form onSubmit={submitted}>
        <Button type="submit">Add account</Button>
      </form>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    await waitFor(() => expect(submitted).toHaveBeenCalledTimes(1));
    rerender(
      <form onSubmit={submitted}>
        <Button type="submit" busy>
          Add account
        </Button>
      </form>,
    );
    const button = screen.getByRole<HTMLButtonElement>('button', { name: 'Add account' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(button.disabled).toBe(true);
  });
});
