// The DAV client's public surface: the Source factory, connection types and typed errors.
export { createDavSource, type DavSource, type DavSourceOptions } from './dav-source';
export { createAccountContext, basicAuthorization, type AccountConnection, type HttpContext, type HttpContextOptions } from '../../http/http-context';
export { AuthError, RequestError, HttpError, NetworkError } from '../../http/http-errors';
export { InvalidSyncTokenError, NotDavError } from './dav-errors';
export { BadResponseError, RateLimitError, isTransient } from '../../http/transient-errors';
export { HostLimiter, sharedHostLimiter, DEFAULT_REQUESTS_PER_HOST } from '../../http/host-limiter';
export { DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from '../../http/retry-policy';
export { discover } from './discover';
export type { Discovery } from '../../model/discovery';
export { listCollections } from './list-collections';
export { listEtags, type EtagListing } from './list-etags';
export { multiget, DEFAULT_MULTIGET_BATCH } from './multiget';
export { syncCollection, type SyncDelta } from './sync-collection';
export { davKind, type DavKind } from './dav-kind';
