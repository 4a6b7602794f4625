// The icloud.com session as Lifeboat reads it, against the reproduction of iCloud's web
// services: validate with the browser's cookies, the service addresses it names, the
// signed-out and Advanced Data Protection answers, and cookies never sent off the site.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHttpContext } from '../../src/http/http-context';
import { validateSession } from '../../src/providers/icloud-web/web-session';
import { IcloudSignedOutError } from '../../src/providers/icloud-web/icloud-errors';
import { startIcloudWebServer, type IcloudWebServer } from '../harness/icloud/icloud-web-server';
import { icloudBrowserFetch, type IcloudBrowserFetch } from '../support/icloud-browser-fetch';

let icloud: IcloudWebServer;
let browser: IcloudBrowserFetch;

const sessionContext = () =>
  createHttpContext({ serverUrl: icloud.setupUrl, authorization: '', credentials: 'browser-session', fetch: browser.fetch, options: { retry: { sleep: () => Promise.resolve() } } });

beforeEach(async () => {
  icloud = await startIcloudWebServer();
  browser = icloudBrowserFetch(icloud);
});
afterEach(async () => icloud.stop());

describe('the icloud.com session', () => {
  it('is validated with the browser cookies and names the account and its services', async () => {
    icloud.signIn();
    const session = await validateSession(sessionContext(), icloud.setupUrl, 'client-1');
    expect(session.dsid).toBe(icloud.dsid);
    expect(session.services).toEqual(icloud.services);
    expect(session.advancedDataProtection).toBe(false);
    expect(session.webAccessAllowed).toBe(true);
    expect(session.params.get('dsid')).toBe(icloud.dsid);
    expect(browser.sent.every((s) => s.withCookies)).toBe(true);
  });

  it('says "sign in at icloud.com" when the browser is not signed in, and when the session ended', async () => {
    await expect(validateSession(sessionContext(), icloud.setupUrl)).rejects.toBeInstanceOf(IcloudSignedOutError);
    icloud.signIn();
    icloud.expireSessionAfter(0);
    await expect(validateSession(sessionContext(), icloud.setupUrl)).rejects.toThrow(/icloud\.com/);
  });

  it('reads Advanced Data Protection with web access off', async () => {
    icloud.signIn();
    icloud.setAdvancedDataProtection('web-access-off');
    const session = await validateSession(sessionContext(), icloud.setupUrl);
    expect(session.advancedDataProtection).toBe(true);
    expect(session.webAccessAllowed).toBe(false);
  });
});
