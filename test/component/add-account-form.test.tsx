// The add-account form against a stand-in worker: the button pressed is busy while the worker
// contacts the server, a refused connection reads in an alert, and the form is ready again.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { mockConnector, type MockConnector } from './mock-connector';
import { renderWithWorker, typeInto } from './render-with-worker';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { AddAccountForm } = await import('../../src/options/add-account-form');
const { permissionAnswer } = await import('./component-browser');

function renderForm(connector: MockConnector) {
  renderWithWorker(connector, <AddAccountForm />);
  typeInto({ 'Server address': 'https://dav.example.com', 'User name': 'ada', 'Password or app password': 'secret' });
}

const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('the add-account form', () => {
  it('keeps Test connection busy while the server is contacted, then shows the refusal in an alert', async () => {
    const connector = mockConnector();
    const answer = connector.hold('testConnection', { collections: [] });
    renderForm(connector);

    fireEvent.click(button('Test connection'));
    await waitFor(() => expect(button('Test connection').getAttribute('aria-busy')).toBe('true'));
    expect(button('Add account').disabled).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Contacting the server…');

    answer.fail('The server refused the user name or password.');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The server refused the user name or password.'));
    expect(button('Test connection').getAttribute('aria-busy')).toBeNull();
    expect(button('Add account').disabled).toBe(false);
    expect(connector.calls[0]?.params).toMatchObject({ serverUrl: 'https://dav.example.com/', username: 'ada', password: 'secret' });
  });

  it('keeps Add account busy while the account is added, and says why it was not', async () => {
    const connector = mockConnector();
    const answer = connector.hold('addAccount', { accountId: 'a', collections: [] });
    renderForm(connector);

    fireEvent.submit(button('Add account').form!);
    await waitFor(() => expect(button('Add account').getAttribute('aria-busy')).toBe('true'));
    expect(button('Test connection').disabled).toBe(true);

    answer.fail('No address book or calendar was found on this server.');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('No address book or calendar was found on this server.'));
    expect(button('Add account').disabled).toBe(false);
  });

  it('contacts no server when the browser refuses the host permission', async () => {
    const connector = mockConnector();
    permissionAnswer.granted = false;
    try {
      renderForm(connector);
      fireEvent.click(button('Test connection'));
      await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/dav\.example\.com/));
      expect(connector.calls).toEqual([]);
    } finally {
      permissionAnswer.granted = true;
    }
  });
});
