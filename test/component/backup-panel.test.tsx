// The backup panel against a stand-in worker: both buttons wait with a progress bar while an
// archive is built, what was saved or why not shows after, the snapshots kept are listed with
// their counts in the plural they need, and an unlocked lock asks for an encrypted archive.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { ArchiveResult } from '../../src/model/export';
import { openDb } from '../../src/db/schema';
import { mockConnector, type MockConnector } from './mock-connector';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { BackupPanel } = await import('../../src/options/backup-panel');
const { ConnectorProvider } = await import('../../src/ui/connect/use-connector');

const SAVED: ArchiveResult = { fileName: 'lifeboat-backup.zip', bytes: 2_400, files: 1, totals: { contacts: 2, events: 0, tasks: 0, journals: 0, photos: 0 }, skipped: 0 };

function renderPanel(connector: MockConnector, lock: 'off' | 'unlocked' = 'off') {
  connector.answer('lockStatus', () => Promise.resolve({ status: lock }));
  render(
    <ConnectorProvider connector={connector}>
      <BackupPanel />
    </ConnectorProvider>,
  );
}

const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('the backup panel', () => {
  it('keeps both buttons waiting with a progress bar while the archive is built, then says what was saved', async () => {
    const connector = mockConnector();
    const answer = connector.hold('exportArchive', SAVED);
    renderPanel(connector);

    fireEvent.click(button('Download a full backup (.zip)'));
    await waitFor(() => expect(button('Download a full backup (.zip)').getAttribute('aria-busy')).toBe('true'));
    expect(button('Save a backup into the folder now').disabled).toBe(true);
    expect(screen.getByRole('progressbar', { name: 'Building the backup' })).toBeTruthy();

    answer.release();
    await waitFor(() => expect(screen.getByText(/^Saved lifeboat-backup\.zip \(1 file, 2\.4\s?kB\) to your Downloads folder\.$/)).toBeTruthy());
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(button('Save a backup into the folder now').disabled).toBe(false);
    expect(connector.calls.find((c) => c.rpc === 'exportArchive')?.params).toEqual({ encrypt: false });
  });

  it('shows why a snapshot was not saved, and is ready again', async () => {
    const connector = mockConnector();
    connector.answer('snapshotNow', () => Promise.reject(new Error('The Downloads folder is full.')));
    renderPanel(connector);
    fireEvent.click(button('Save a backup into the folder now'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The Downloads folder is full.'));
    expect(button('Save a backup into the folder now').disabled).toBe(false);
  });

  it('lists the snapshots kept, counts in the plural they need and in grouped digits', async () => {
    const db = openDb();
    const base = { downloadId: 1, bytes: 1_000, outcome: 'saved' as const, error: null, removedAt: null };
    await db.snapshots.bulkAdd([
      { ...base, createdAt: 1_000, fileName: 'one.zip', items: 1 },
      { ...base, createdAt: 2_000, fileName: 'many.zip', items: 12_345 },
    ]);
    renderPanel(mockConnector());
    expect(await screen.findByText(/one\.zip, 1 item, /)).toBeTruthy();
    expect(screen.getByText(new RegExp(`many\\.zip, ${(12_345).toLocaleString()} items, `))).toBeTruthy();
  });

  it('asks for an encrypted archive while the lock is open', async () => {
    const connector = mockConnector();
    connector.answer('exportArchive', () => Promise.resolve(SAVED));
    renderPanel(connector, 'unlocked');
    const box = await screen.findByLabelText<HTMLInputElement>(/Encrypt with the lock/);
    expect(box.checked).toBe(true);
    fireEvent.click(button('Download a full backup (.zip)'));
    await waitFor(() => expect(connector.calls.find((c) => c.rpc === 'exportArchive')?.params).toEqual({ encrypt: true }));
  });
});
