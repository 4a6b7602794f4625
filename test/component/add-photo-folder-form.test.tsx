// The photo folder form against a stand-in worker: busy while the folder is listed, a refused
// folder reads in an alert and keeps what was typed, one found says what it holds and empties the form.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { mockConnector, type MockConnector } from './mock-connector';
import { renderWithWorker, typeInto } from './render-with-worker';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { AddPhotoFolderForm } = await import('../../src/options/add-photo-folder-form');

function renderForm(connector: MockConnector) {
  renderWithWorker(connector, <AddPhotoFolderForm />);
  typeInto({ 'Folder address': 'https://cloud.example.com/Photos/', "Login of the folder's server": 'ada', 'Its password (or an app password)': 'secret' });
}

const submit = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Add photo folder' });

describe('the photo folder form', () => {
  it('is busy while the folder is listed, then shows the refusal in an alert, keeping what was typed', async () => {
    const connector = mockConnector();
    const answer = connector.hold('addPhotoFolder', { accountId: 'p', photos: 0, folders: 0 });
    renderForm(connector);
    fireEvent.submit(submit().form!);
    await waitFor(() => expect(submit().getAttribute('aria-busy')).toBe('true'));

    answer.fail('The server answered 404: no folder at that address.');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('The server answered 404: no folder at that address.'));
    expect(submit().disabled).toBe(false);
    expect(screen.getByLabelText<HTMLInputElement>("Login of the folder's server").value).toBe('ada');
  });

  it('says what the folder holds, and empties the form', async () => {
    const connector = mockConnector();
    connector.answer('addPhotoFolder', () => Promise.resolve({ accountId: 'p', photos: 12, folders: 3 }));
    renderForm(connector);
    fireEvent.submit(submit().form!);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/^Photo folder added \(at its top, photos: 12, folders: 3\)\./));
    expect(screen.getByLabelText<HTMLInputElement>('Folder address').value).toBe('');
    expect(connector.calls[0]?.params).toMatchObject({ folderUrl: 'https://cloud.example.com/Photos/', username: 'ada', password: 'secret', plainHttpConfirmed: false });
  });
});
