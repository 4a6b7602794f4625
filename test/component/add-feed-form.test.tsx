// The calendar feed form against a stand-in worker: the button is busy while the feed is
// fetched, a refused feed reads in an alert, and a typo is refused before any server is asked.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { mockConnector, type MockConnector } from './mock-connector';
import { renderWithWorker, typeInto } from './render-with-worker';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { AddFeedForm } = await import('../../src/options/add-feed-form');

function renderForm(connector: MockConnector, address: string) {
  renderWithWorker(connector, <AddFeedForm />);
  typeInto({ 'Calendar feed address (.ics or webcal://)': address });
}

const submit = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Add calendar feed' });

describe('the calendar feed form', () => {
  it('keeps its button busy while the feed is fetched, then shows the refusal in an alert', async () => {
    const connector = mockConnector();
    const answer = connector.hold('addFeed', { accountId: 'f', events: 3 });
    renderForm(connector, 'webcal://calendar.example.com/team.ics');

    fireEvent.submit(submit().form!);
    await waitFor(() => expect(submit().getAttribute('aria-busy')).toBe('true'));
    expect(submit().disabled).toBe(true);

    answer.fail('The feed answered 404 Not Found.');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The feed answered 404 Not Found.'));
    expect(submit().disabled).toBe(false);
    expect(connector.calls[0]?.params).toEqual({ url: 'https://calendar.example.com/team.ics', label: '' });
  });

  it('reads its help with the address field, and refuses a typo without asking the worker', async () => {
    const connector = mockConnector();
    renderForm(connector, 'not a feed');
    const field = screen.getByLabelText('Calendar feed address (.ics or webcal://)');
    const help = document.getElementById(field.getAttribute('aria-describedby') ?? '');
    expect(help?.textContent).toMatch(/^Paste the address of a calendar published as a file/);

    fireEvent.submit(submit().form!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Enter the address of a calendar feed, starting with https:// or webcal://'));
    expect(connector.calls).toEqual([]);
  });
});
