// A small hostile Microsoft Graph on loopback, for the contacts source: one contact folder
// ("Friends", honest) besides the default folder, whose delta round
// (https://learn.microsoft.com/en-us/graph/api/contact-delta) pages with @odata.nextLink the way
// a test says: honestly, to a foreign host (which would receive the bearer token), or back to
// the page itself. Bearer token required everywhere (401 otherwise); every request recorded.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { startHostileHost, type HostileHost } from './hostile-host';

export type NextLinkMode = 'honest' | { foreign: string } | 'self';

export interface HostileGraphServer extends HostileHost {
  graphUrl: string;
  nextLink: NextLinkMode;
}

const person = (n: number) => ({ id: `c-${n}`, changeKey: `k-${n}`, displayName: `Person ${n}`, emailAddresses: [{ name: '', address: `p${n}@example.org` }] });

/** The default folder's contacts, two pages of them; Friends holds one. */
export const DEFAULT_FOLDER = [person(1), person(2), person(3)];
export const FRIENDS = [person(10)];

export async function startHostileGraph(token: string): Promise<HostileGraphServer> {
  const state: { nextLink: NextLinkMode; root: string } = { nextLink: 'honest', root: '' };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  };
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    if (req.headers.authorization !== `Bearer ${token}`) return json(res, 401, { error: { code: 'InvalidAuthenticationToken' } });
    const url = new URL(req.url ?? '/', state.root);
    const delta = (rest: string) => `${state.root}${rest}`;
    switch (url.pathname) {
      case '/v1.0/me/contactFolders':
        return json(res, 200, { value: [{ id: 'friends', displayName: 'Friends' }] });
      case '/v1.0/me/contactFolders/friends/childFolders':
        return json(res, 200, { value: [] });
      case '/v1.0/me/contactFolders/friends/contacts/delta':
        return json(res, 200, { value: FRIENDS, '@odata.deltaLink': delta('v1.0/me/contactFolders/friends/contacts/delta?$deltatoken=f1') });
      case '/v1.0/me/contacts/delta': {
        if (url.searchParams.get('page') === '2') return json(res, 200, { value: DEFAULT_FOLDER.slice(2), '@odata.deltaLink': delta('v1.0/me/contacts/delta?$deltatoken=d1') });
        const mode = state.nextLink;
        const next = mode === 'honest' ? delta('v1.0/me/contacts/delta?page=2') : mode === 'self' ? url.href : `${mode.foreign}v1.0/me/contacts/delta?page=2`;
        return json(res, 200, { value: DEFAULT_FOLDER.slice(0, 2), '@odata.nextLink': next });
      }
      default:
        return json(res, 404, { error: { code: 'itemNotFound' } });
    }
  };
  const host = await startHostileHost({ address: '127.0.0.1', handler });
  state.root = host.url;
  return Object.defineProperties(host, {
    graphUrl: { value: `${host.url}v1.0/`, enumerable: true },
    nextLink: { get: () => state.nextLink, set: (mode: NextLinkMode) => (state.nextLink = mode), enumerable: true },
  }) as HostileGraphServer;
}
