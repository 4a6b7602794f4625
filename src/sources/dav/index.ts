// The DAV client's public surface: the Source factory, connection types and typed errors.
export { createDavSource, type DavSourceOptions } from './dav-source';
export { createDavContext, basicAuthorization, type DavConnection, type DavContext } from './dav-connection';
export { AuthError, DavError, HttpError, InvalidSyncTokenError, NetworkError, NotDavError } from './dav-errors';
export { discover, type Discovery } from './discover';
export { listCollections } from './list-collections';
export { listEtags, type EtagListing } from './list-etags';
export { multiget, DEFAULT_MULTIGET_BATCH } from './multiget';
export { syncCollection, type SyncDelta } from './sync-collection';
export { davKind, type DavKind } from './dav-kind';
