// A Google account end to end in Node: signed in with PKCE at the test authorization server,
// mirrored through the real engine and DAV source with bearer tokens, from a real Radicale
// behind the proxy that applies Google's documented rules. An access token that expires
// mid-way is renewed; a sign-in that cannot be renewed pauses the account, data kept.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRadicale, makeCards, makeEvents, putItem, type RadicaleServer } from '../harness';
import { startOAuthServer, type OAuthTestServer } from '../harness/oauth-server';
import { startGoogleDavProxy, type GoogleDavProxy } from '../harness/google-dav-proxy';
import { foldLine } from '../harness/sample-items';
import { nodeAuthFlow } from '../support/node-auth-flow';
import { freshDb } from '../support/test-db';
import { insertAccount, getAccount } from '../../src/db/accounts';
import { providerWith } from '../../src/auth/oauth-providers';
import { GOOGLE_OAUTH } from '../../src/providers/google/oauth';
import { signIn } from '../../src/auth/sign-in';
import { accessToken } from '../../src/auth/access-token';
import type { TokenSet } from '../../src/auth/token-endpoint';
import { sourceForAccount } from '../../src/providers/source-for-account';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers';

const REDIRECT = 'https://lifeboat-test.chromiumapp.org/';
// Google serves vCard 3.0, and a birthday without a year in the truncated --MMDD form.
const BIRTHDAY_CARD = ['BEGIN:VCARD', 'VERSION:3.0', 'UID:google-bday', 'BDAY:--0415', 'FN:Ada Lovelace', 'N:Lovelace;Ada;;;', 'END:VCARD'].map(foldLine).join('');
const CARDS = [...makeCards(20), { name: 'google-bday.vcf', data: BIRTHDAY_CARD }];
const EVENTS = makeEvents(5);
let radicale: RadicaleServer;
let oauth: OAuthTestServer;
let proxy: GoogleDavProxy;

beforeAll(async () => {
  radicale = await startRadicale({ seed: [
    { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: CARDS },
    { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: EVENTS },
  ] });
  oauth = await startOAuthServer({ clientId: 'test-client', redirectUris: [REDIRECT], scopes: providerWith(GOOGLE_OAUTH).scopes });
  proxy = await startGoogleDavProxy(radicale, (token) => oauth.isValidAccessToken(token));
});
afterAll(async () => {
  await proxy?.stop();
  await oauth?.stop();
  await radicale?.stop();
});

describe('a Google account over DAV with bearer tokens', () => {
  it('mirrors, switches to sync-collection, renews an expired token, and pauses for a new sign-in with the data kept', async () => {
    const provider = providerWith(GOOGLE_OAUTH, { clientId: 'test-client', authorizeUrl: oauth.authorizeUrl, tokenUrl: oauth.tokenUrl });
    const deps = { flow: nodeAuthFlow(REDIRECT), fetch: globalThis.fetch, now: Date.now };
    const stored = { tokens: await signIn(provider, deps, true) };
    const keeper = { load: () => Promise.resolve(stored.tokens), save: (t: TokenSet) => Promise.resolve(void (stored.tokens = t)) };
    const db = freshDb();
    const account = await insertAccount(db, { id: 'g', kind: 'google', label: 'Google', serverUrl: proxy.carddavUrl, calendarServerUrl: proxy.caldavUrl, services: ['addressbook', 'calendar'], username: '' }, 1);
    const run = async () => {
      const bearer = { accessToken: stored.tokens.accessToken, renew: () => accessToken(provider, keeper, deps, { renew: true }) };
      return syncAccount({ db, source: sourceForAccount(account, bearer).source, readers, now: Date.now, credentialsRejected: 'needs-sign-in' }, account);
    };

    expect(await run()).toMatchObject({ outcome: 'ok', added: CARDS.length + EVENTS.length });
    const birthday = await db.items.filter((i) => i.uid === 'google-bday').first();
    expect(birthday?.title).toBe('Ada Lovelace');
    expect(birthday?.raw).toContain('BDAY:--0415');

    await putItem(`${radicale.addressBookUrl}new.vcf`, makeCards(1, 500)[0]!.data, { username: radicale.username, password: radicale.password });
    oauth.expireAccessTokens();
    const second = await run();
    expect(second).toMatchObject({ outcome: 'ok', added: 1 });
    // The expired token was refused once, renewed with the refresh token; the listing used sync-collection.
    expect(proxy.refused.filter((r) => r.startsWith('403'))).toEqual([]);
    expect(proxy.refused.some((r) => r.startsWith('401'))).toBe(true);
    expect(oauth.log).toContain('token: refresh_token');

    oauth.expireAccessTokens();
    oauth.revokeRefreshTokens();
    oauth.signedIn = false;
    const third = await run();
    expect(third.outcome).toBe('failed');
    expect(third.errors[0]?.message).toMatch(/sign-in has expired/);
    expect((await getAccount(db, 'g')).status).toBe('needs-sign-in');
    expect(await db.items.filter((i) => i.live === 1).count()).toBe(CARDS.length + EVENTS.length + 1);
    oauth.signedIn = true;
  });

  it('refuses Basic authentication, as Google does', async () => {
    const response = await fetch(proxy.carddavUrl, { method: 'PROPFIND', headers: { Authorization: `Basic ${btoa('a:b')}`, Depth: '0' } });
    expect(response.status).toBe(401);
  });
});
