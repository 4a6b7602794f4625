// What the OneDrive code needs to reach Graph: its root and a bearer token, and the request
// context built from them, which the DAV engine's request path uses for Graph too.
import { createDavContext, type BearerAuth, type DavContext, type DavContextOptions } from '../dav/dav-connection';

export interface DriveConnection {
  /** Graph's root, e.g. https://graph.microsoft.com/v1.0/ */
  graphUrl: string;
  bearer: BearerAuth;
  fetch?: typeof fetch;
}

export function driveContext(conn: DriveConnection, options: DavContextOptions = {}): DavContext {
  return createDavContext({ serverUrl: conn.graphUrl, username: '', password: '', bearer: conn.bearer, ...(conn.fetch ? { fetch: conn.fetch } : {}) }, options);
}
