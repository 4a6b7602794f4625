// The DAV client's public surface: the Source factory, connection types and typed errors.
export { createDavSource, type DavSource, type DavSourceOptions } from './dav-source';
export { createDavContext, basicAuthorization, type DavConnection, type DavContext, type DavContextOptions } from './dav-connection';
export { AuthError, DavError, HttpError, InvalidSyncTokenError, NetworkError, NotDavError } from './dav-errors';
export { BadResponseError, RateLimitError, isTransient } from './transient-errors';
export { HostLimiter, sharedHostLimiter, DEFAULT_REQUESTS_PER_HOST } from './host-limiter';
export { DEFAULT_RETRY_POLICY, parseRetryAfter, type RetryPolicy } from './retry-policy';
export { discover, type Discovery } from './discover';
export { listCollections } from './list-collections';
export { listEtags, type EtagListing } from './list-etags';
export { multiget, DEFAULT_MULTIGET_BATCH } from './multiget';
export { syncCollection, type SyncDelta } from './sync-collection';
export { davKind, type DavKind } from './dav-kind';
