// A feed has no sync token: what tells "unchanged" is the HTTP validators of its last answer,
// sent back as If-None-Match and If-Modified-Since (RFC 9110 §13.1.2, §13.1.3). They travel
// in the collection's ctag, the cursor the engine saves only once the items are stored.

export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

export function readValidators(ctag: string | undefined): FeedValidators {
  if (!ctag) return {};
  try {
    const parsed = JSON.parse(ctag) as Record<string, unknown>;
    const validators: FeedValidators = {};
    if (typeof parsed.etag === 'string') validators.etag = parsed.etag;
    if (typeof parsed.lastModified === 'string') validators.lastModified = parsed.lastModified;
    return validators;
  } catch {
    return {};
  }
}

export function writeValidators(etag: string | null, lastModified: string | null): string {
  return JSON.stringify({ ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) });
}
