// Turning the passphrase lock on against a stand-in worker: two passphrases that differ are
// refused in an alert before the worker is asked, and the button is busy while the key is derived.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { mockConnector, type MockConnector } from './mock-connector';
import { renderWithWorker, typeInto } from './render-with-worker';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { PassphraseLock } = await import('../../src/options/passphrase-lock');

async function renderOff(connector: MockConnector, first: string, second: string) {
  connector.answer('lockStatus', () => Promise.resolve({ status: 'off' }));
  renderWithWorker(connector, <PassphraseLock />);
  await screen.findByLabelText('New passphrase (at least 8 characters)');
  typeInto({ 'New passphrase (at least 8 characters)': first, 'Repeat the new passphrase': second });
}

const enable = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Turn the lock on' });

describe('the passphrase lock, off', () => {
  it('refuses two passphrases that differ in an alert, without asking the worker', async () => {
    const connector = mockConnector();
    await renderOff(connector, 'correct horse', 'correct hose');
    fireEvent.submit(enable().form!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The two passphrases differ.'));
    expect(connector.calls.some((c) => c.rpc === 'enableLock')).toBe(false);
  });

  it('keeps its button busy while the key is derived, and says why the worker refused', async () => {
    const connector = mockConnector();
    const answer = connector.hold('enableLock', { ok: true });
    await renderOff(connector, 'correct horse', 'correct horse');
    fireEvent.submit(enable().form!);
    await waitFor(() => expect(enable().getAttribute('aria-busy')).toBe('true'));
    expect(screen.getByText('Working… (deriving the key takes a second)')).toBeTruthy();

    answer.fail('The passphrase needs at least 8 characters.');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The passphrase needs at least 8 characters.'));
    expect(enable().disabled).toBe(false);
    expect(connector.calls.find((c) => c.rpc === 'enableLock')?.params).toEqual({ passphrase: 'correct horse' });
  });
});
