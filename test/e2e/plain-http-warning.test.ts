// A password bound for plain http beyond this computer, in real Chromium: the add-account form
// shows the warning naming the host and will not send the password until it is ticked; the
// worker refuses the same command sent without the consent (a page cannot skip the form); and
// loopback, which never leaves the machine, shows no warning. The host is under `.invalid`
// (RFC 6761 §6.4), which never resolves, so nothing leaves this machine either.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtensionBrowser, type ExtensionBrowser } from '../browser/extension-browser';
import { prepareExtensionCopy } from '../browser/extension-copy';
import { openOptions } from '../browser/extension-pages';
import { seriousViolationsInBothSchemes } from '../browser/axe-check';

const HOST = 'dav.lifeboat-test.invalid';
let ext: ExtensionBrowser;

beforeAll(async () => {
  ext = await launchExtensionBrowser({ extensionDir: prepareExtensionCopy('dist', ['http://127.0.0.1/*', `http://${HOST}/*`]) });
});

afterAll(async () => {
  await ext?.close();
});

describe('plain http warning', () => {
  it('asks for an explicit tick before a password goes over http beyond loopback, and the worker insists', async () => {
    const options = await openOptions(ext);
    const form = options.locator('form.add-account');
    await form.getByLabel('Server address', { exact: true }).fill(`http://${HOST}:5232/`);
    await form.getByLabel('User name').fill('alice');
    await form.getByLabel('Password or app password').fill('secret-over-http');
    await form.getByText(`Your password will cross the network unencrypted to ${HOST}:5232`).waitFor();

    await form.getByRole('button', { name: 'Test connection', exact: true }).click();
    await form.locator('.message').filter({ hasText: 'Tick the box under the password' }).waitFor();
    expect(await seriousViolationsInBothSchemes(options)).toEqual([]);

    await form.getByLabel(`I understand: send my password to ${HOST}:5232 over plain http`).check();
    await form.getByRole('button', { name: 'Test connection', exact: true }).click();
    // Past the consent, the request goes out, and fails only because the host does not exist.
    await form.locator('.message').filter({ hasText: /could not reach/i }).waitFor({ timeout: 30_000 });

    const refused = await options.evaluate(
      (host): Promise<{ ok: boolean; error?: string }> =>
        chrome.runtime.sendMessage({ rpc: 'addAccount', params: { label: '', serverUrl: `http://${host}:5232/`, username: 'alice', password: 'secret-over-http' } }),
      HOST,
    );
    expect(refused.ok).toBe(false);
    expect(refused.error).toMatch(/unencrypted to dav\.lifeboat-test\.invalid/);
    expect(await options.locator('.account').count()).toBe(0);

    await form.getByLabel('Server address', { exact: true }).fill('http://127.0.0.1:5232/');
    await expect(form.getByText(/cross the network unencrypted/).count()).resolves.toBe(0);
    await options.close();
  });
});
