// The account list against a stand-in worker: Sync now waits while its command runs and while
// the account's run goes on, a refusal is said under the buttons, and renaming and removing
// send what the person chose.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import type { AccountRecord } from '../../src/model/account';
import type { AccountSummary } from '../../src/ui/summarize-accounts';
import { mockConnector, type MockConnector } from './mock-connector';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { AccountsList } = await import('../../src/options/accounts-list');
const { ConnectorProvider } = await import('../../src/ui/connect/use-connector');

const NOW = Date.UTC(2026, 0, 10);
const ACCOUNT: AccountRecord = {
  id: 'a1',
  kind: 'dav',
  label: 'Home server',
  serverUrl: 'https://dav.example.com/',
  calendarServerUrl: null,
  services: ['addressbook'],
  username: 'alice',
  createdAt: NOW - 86_400_000,
  status: 'idle',
  lastError: null,
  lastSuccessAt: NOW - 60_000,
  progress: null,
  detached: false,
  discovery: {},
};
const summary = (account: Partial<AccountRecord> = {}): AccountSummary => ({
  account: { ...ACCOUNT, ...account },
  contacts: 1_234,
  events: 0,
  tasks: 0,
  photos: 0,
  deletedUpstream: 0,
  missing: 0,
  unreadable: 0,
  collectionsMissed: 0,
  alarms: [],
});

function renderList(connector: MockConnector, summaries: AccountSummary[]) {
  return render(
    <ConnectorProvider connector={connector}>
      <AccountsList summaries={summaries} now={NOW} />
    </ConnectorProvider>,
  );
}

const syncButton = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Sync now' });

describe('the account list', () => {
  it('says so when there is no account', () => {
    renderList(mockConnector(), []);
    expect(screen.getByText('No account yet.')).toBeTruthy();
  });

  it('keeps Sync now busy while the command runs and while the account syncs', async () => {
    const connector = mockConnector();
    const answer = connector.hold('syncNow', { runs: 1 });
    const { rerender } = renderList(connector, [summary()]);
    expect(screen.getByText(new RegExp((1_234).toLocaleString()))).toBeTruthy();

    fireEvent.click(syncButton());
    await waitFor(() => expect(syncButton().getAttribute('aria-busy')).toBe('true'));
    expect(syncButton().disabled).toBe(true);
    expect(connector.calls).toEqual([{ rpc: 'syncNow', params: { accountId: 'a1' } }]);
    answer.release();
    await waitFor(() => expect(syncButton().disabled).toBe(false));

    rerender(
      <ConnectorProvider connector={connector}>
        <AccountsList summaries={[summary({ status: 'syncing', progress: { done: 5, total: 10 } })]} now={NOW} />
      </ConnectorProvider>,
    );
    expect(syncButton().disabled).toBe(true);
    expect(syncButton().getAttribute('aria-busy')).toBe('true');
  });

  it('says why Sync now was refused', async () => {
    const connector = mockConnector();
    connector.answer('syncNow', () => Promise.reject(new Error('Lifeboat is locked: unlock it first.')));
    renderList(connector, [summary()]);
    fireEvent.click(syncButton());
    const account = screen.getByRole('listitem');
    await waitFor(() => expect(within(account).getByRole('alert').textContent).toBe('Lifeboat is locked: unlock it first.'));
    expect(syncButton().disabled).toBe(false);
  });

  it('renames the account and removes it keeping its data unless unticked', async () => {
    const connector = mockConnector();
    connector.answer('renameAccount', () => Promise.resolve({ ok: true }));
    connector.answer('removeAccount', () => Promise.resolve({ ok: true }));
    renderList(connector, [summary()]);

    fireEvent.click(screen.getByRole('button', { name: 'Rename' }));
    fireEvent.input(screen.getByLabelText('New name for this account'), { target: { value: 'Family' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save name' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Save name' })).toBeNull());

    fireEvent.click(screen.getByRole('button', { name: 'Remove account' }));
    fireEvent.click(screen.getByLabelText(/Keep the mirrored contacts/));
    fireEvent.click(screen.getByRole('button', { name: 'Remove “Home server”' }));
    await waitFor(() => expect(connector.calls.map((c) => c.rpc)).toEqual(['renameAccount', 'removeAccount']));
    expect(connector.calls.map((c) => c.params)).toEqual([
      { accountId: 'a1', label: 'Family' },
      { accountId: 'a1', keepData: false },
    ]);
  });
});
