// What every Graph test server's fixture (contacts, calendars, drive) does the same way: an
// expired delta link as the invalid cursor, a revoked token, the same source through another
// origin, and stopping.
import type { HttpContextOptions } from '../../src/http/http-context';

interface GraphLikeServer {
  graphUrl: string;
  expireDeltaLinks(): void;
  stop(): Promise<void>;
}

export function graphFixtureParts<S>(graph: GraphLikeServer, make: (graphUrl: string, token: string, options?: HttpContextOptions) => S, token: string) {
  return {
    invalidate<C>(cursor: C): Promise<C> {
      // Graph answers an old delta link 410 Gone (https://learn.microsoft.com/en-us/graph/delta-query-overview).
      graph.expireDeltaLinks();
      return Promise.resolve(cursor);
    },
    refusedSource: () => make(graph.graphUrl, 'revoked-token'),
    sourceAt: (origin: string, options: HttpContextOptions) => make(`${origin}/v1.0/`, token, options),
    origin: new URL(graph.graphUrl).origin,
    stop: () => graph.stop(),
  };
}
