// What the OneDrive code needs to reach Graph: its root and a bearer token, and the request
// context built from them, which the HTTP layer (src/http/) uses for Graph too.
import { createAccountContext, type BearerAuth, type HttpContext, type HttpContextOptions } from '../../http/http-context';

export interface DriveConnection {
  /** Graph's root, e.g. https://graph.microsoft.com/v1.0/ */
  graphUrl: string;
  bearer: BearerAuth;
  fetch?: typeof fetch;
}

export function driveContext(conn: DriveConnection, options: HttpContextOptions = {}): HttpContext {
  return createAccountContext({ serverUrl: conn.graphUrl, username: '', password: '', bearer: conn.bearer, ...(conn.fetch ? { fetch: conn.fetch } : {}) }, options);
}
