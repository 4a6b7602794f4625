// What a route of the Graph test server gets: the request's path and query, the server's root,
// its page size, and one way to answer. Plain lists are paged the documented way: pages of
// `pageSize` linked by @odata.nextLink (https://learn.microsoft.com/en-us/graph/paging).

export interface GraphRequest {
  /** e.g. /v1.0/me/calendars */
  path: string;
  query: URLSearchParams;
  /** http://127.0.0.1:<port>/ */
  root: string;
  pageSize: number;
  send(status: number, body: unknown): void;
}

/** A route answers the request and returns true, or leaves it to the next route. */
export type GraphRoute = (req: GraphRequest) => boolean;

export function sendListPage(req: GraphRequest, all: unknown[]): void {
  const offset = Number(req.query.get('$skiptoken') ?? 0);
  const more = offset + req.pageSize < all.length;
  const next = more ? { '@odata.nextLink': `${req.root}${req.path.slice(1)}?$skiptoken=${offset + req.pageSize}` } : {};
  req.send(200, { value: all.slice(offset, offset + req.pageSize), ...next });
}
