// A calendar feed that turns hostile: it redirects to a foreign host (which asks for a
// password), or streams a calendar that never ends. Honest, it serves the feed it is given.
import { endlessBody, startHostileHost, type HostileHost } from './hostile-host';

export type FeedMode = 'honest' | { redirectTo: string } | 'endless';

export interface HostileFeedServer extends HostileHost {
  /** The feed's address (its path is its secret, as with real private feeds). */
  feedUrl: string;
  mode: FeedMode;
  /** Bytes the endless feed wrote before the client hung up. */
  sent: { bytes: number };
}

export async function startHostileFeed(feed: string): Promise<HostileFeedServer> {
  const state: { mode: FeedMode } = { mode: 'honest' };
  const sent = { bytes: 0 };
  const endless = endlessBody({ contentType: 'text/calendar; charset=utf-8', head: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nX-WR-CALNAME:', sent });
  const host = await startHostileHost({
    address: '127.0.0.1',
    handler: (req, res, body) => {
      const mode = state.mode;
      if (mode === 'endless') return endless(req, res, body);
      if (mode !== 'honest') return void res.writeHead(302, { Location: new URL(req.url ?? '/', mode.redirectTo).href, 'Content-Length': '0' }).end();
      res.writeHead(200, { 'Content-Type': 'text/calendar; charset=utf-8' }).end(feed);
    },
  });
  return Object.defineProperties(host, {
    feedUrl: { value: `${host.url}calendars/private-secret/basic.ics`, enumerable: true },
    sent: { value: sent, enumerable: true },
    mode: { get: () => state.mode, set: (mode: FeedMode) => (state.mode = mode), enumerable: true },
  }) as HostileFeedServer;
}
