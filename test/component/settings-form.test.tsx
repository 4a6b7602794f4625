// The settings form against a stand-in worker: it opens on the stored settings, its button is
// busy while the worker saves, and a refused save reads in an alert rather than passing silently.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { DEFAULT_SETTINGS } from '../../src/db/settings';
import { mockConnector, type MockConnector } from './mock-connector';
import { renderWithWorker, typeInto } from './render-with-worker';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { SettingsForm } = await import('../../src/options/settings-form');

async function renderForm(connector: MockConnector) {
  renderWithWorker(connector, <SettingsForm />);
  const interval = await screen.findByLabelText<HTMLInputElement>('Sync every (minutes)');
  expect(interval.valueAsNumber).toBe(DEFAULT_SETTINGS.syncIntervalMinutes);
  typeInto({ 'Sync every (minutes)': '90' });
}

const save = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Save settings' });

describe('the settings form', () => {
  it('is busy while the worker saves, then says the settings were saved', async () => {
    const connector = mockConnector();
    const answer = connector.hold('updateSettings', { ...DEFAULT_SETTINGS, syncIntervalMinutes: 90 });
    await renderForm(connector);
    fireEvent.submit(save().form!);
    await waitFor(() => expect(save().getAttribute('aria-busy')).toBe('true'));
    answer.release();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Settings saved.'));
    expect(save().disabled).toBe(false);
    expect(connector.calls[0]?.params).toMatchObject({ syncIntervalMinutes: 90 });
  });

  it('shows a refused save in an alert', async () => {
    const connector = mockConnector();
    connector.answer('updateSettings', () => Promise.reject(new Error('The sync interval must be at least 5 minutes.')));
    await renderForm(connector);
    fireEvent.submit(save().form!);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The sync interval must be at least 5 minutes.'));
  });
});
