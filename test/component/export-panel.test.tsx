// The export panel against a stand-in worker: both buttons wait with a progress bar while a
// file is built, the summary or the error shows after, and "See which" lists the items kept
// exactly as served, with their collection and reason, read from the mirror.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { ExportResult } from '../../src/model/export';
import { mockConnector, type MockConnector } from './mock-connector';
import { mirrorWithUnreadable } from './mirror-with-unreadable';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { ExportPanel } = await import('../../src/options/export-panel');
const { ConnectorProvider } = await import('../../src/ui/connect/use-connector');

const SAVED: ExportResult = { fileName: 'contacts.vcf', kind: 'contacts', count: 2, version: '3.0', skipped: [] };

function renderPanel(connector: MockConnector) {
  render(
    <ConnectorProvider connector={connector}>
      <ExportPanel />
    </ConnectorProvider>,
  );
}

const button = (name: RegExp) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('the export panel', () => {
  it('keeps both buttons waiting with a progress bar while the file is built, then says what was saved', async () => {
    const connector = mockConnector();
    const answer = connector.hold('exportContacts', SAVED);
    renderPanel(connector);

    fireEvent.click(button(/Export contacts/));
    await waitFor(() => expect(button(/Export contacts/).getAttribute('aria-busy')).toBe('true'));
    expect(button(/Export calendars/).disabled).toBe(true);
    expect(screen.getByRole('progressbar', { name: 'Building the export' })).toBeTruthy();
    expect(connector.calls).toEqual([{ rpc: 'exportContacts', params: { includeDeletedUpstream: false, vcardVersion: '3.0' } }]);

    answer.release();
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved contacts.vcf: 2 contacts.'));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(button(/Export contacts/).disabled).toBe(false);
    expect(button(/Export calendars/).disabled).toBe(false);
    expect(screen.queryByRole('button', { name: 'See which' })).toBeNull();
  });

  it('shows the worker’s refusal as an alert and is ready again', async () => {
    const connector = mockConnector();
    const answer = connector.hold('exportCalendars', { ...SAVED, kind: 'calendars' });
    renderPanel(connector);
    fireEvent.click(button(/Export calendars/));
    await waitFor(() => expect(button(/Export calendars/).disabled).toBe(true));
    answer.fail('There is nothing to export yet.');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('There is nothing to export yet.'));
    expect(button(/Export calendars/).disabled).toBe(false);
  });

  it('names the items kept exactly as served, by collection, name and reason', async () => {
    await mirrorWithUnreadable();
    const connector = mockConnector();
    connector.answer('exportContacts', () => Promise.resolve({ ...SAVED, keptAsServed: 1 }));
    renderPanel(connector);
    fireEvent.click(button(/Export contacts/));
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Saved contacts\.vcf: 2 contacts, 1 kept exactly as served\./));

    fireEvent.click(screen.getByRole('button', { name: 'See which' }));
    const table = await screen.findByRole('table', { name: 'Items exports copy exactly as served or leave out' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(1);
    const cells = within(rows[0]!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(0, 2)).toEqual(['Family', 'Card Odd']);
    expect(cells[2]).not.toBe('');
    expect(screen.queryByRole('button', { name: 'See which' })).toBeNull();
  });
});
