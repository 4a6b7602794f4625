// The "use my icloud.com sign-in" form against a stand-in worker: the click asks for iCloud's
// hosts of the chosen region first; signed out, it says so with one button to icloud.com and
// checks again by itself when the person comes back to the tab; signed in, the accounts are added.
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { mockConnector } from './mock-connector';
import { renderWithWorker } from './render-with-worker';

vi.mock('../../src/shared/browser', () => import('./component-browser'));
const { asked } = await import('./component-browser');
const { IcloudSessionForm } = await import('../../src/options/icloud-session-form');

const submit = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Use my icloud.com sign-in' });

describe('the icloud.com sign-in form', () => {
  it('asks for the mainland China hosts when ticked, says "not signed in", and checks again by itself on return', async () => {
    const connector = mockConnector();
    const answers = [{ signedIn: false as const }, { signedIn: true as const, label: 'Robin Sample', accountIds: ['w', 'p'] }];
    connector.answer('addIcloudSession', () => Promise.resolve(answers.shift()!));
    const added: string[] = [];
    renderWithWorker(connector, <IcloudSessionForm onAdded={(id) => added.push(id)} />);
    fireEvent.click(screen.getByLabelText('My Apple ID is from mainland China (icloud.com.cn)'));
    fireEvent.click(screen.getByLabelText('Keep edited photos beside their originals'));
    await waitFor(() => expect(submit().disabled).toBe(false));

    fireEvent.submit(submit().form!);
    await screen.findByText('You are not signed in at icloud.com');
    expect(asked.origins.at(-1)).toEqual(['https://*.icloud.com.cn/*', 'https://*.icloud-content.com.cn/*']);
    expect(connector.calls.map((c) => c.params)).toEqual([{ region: 'china', photos: true, editedVersions: false }]);
    expect(added).toEqual([]);

    fireEvent.click(screen.getByRole('button', { name: 'Open icloud.com' }));
    await waitFor(() => expect(asked.tabs).toEqual(['https://www.icloud.com/']));

    // Back from signing in: no click, the form asks again.
    fireEvent.focus(window);
    await waitFor(() => expect(added).toEqual(['w']));
    expect(connector.calls).toHaveLength(2);
    expect(screen.getByText('iCloud of Robin Sample added. The first copy runs in the background.')).toBeTruthy();
  });
});
