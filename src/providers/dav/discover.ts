// From what the person typed to the collections' parent folders (RFC 6764 §6): ask the URL
// itself, then /.well-known/carddav (resp. caldav), for the current-user-principal (RFC 5397);
// ask the principal for its addressbook-home-set (RFC 6352 §7.1.1) or calendar-home-set
// (RFC 4791 §6.2.1). A URL that already is a collection or a home set is taken as it is.
import { noneFound } from './none-found';
import type { HttpContext } from '../../http/http-context';
import { AuthError } from '../../http/http-errors';
import { NotDavError } from './dav-errors';
import { isTransient } from '../../http/transient-errors';
import { isPolicyRefusal } from '../../http/policy-errors';
import { sameResource } from './dav-href';
import type { DavKind } from './dav-kind';
import type { DavEntry } from './dav-multistatus';
import { propHrefs } from './dav-multistatus';
import { propfind, type MultistatusAnswer } from './dav-propfind';
import { containsElement } from './dav-xml';
import type { Discovery } from '../../model/discovery';

function ownEntry(answer: MultistatusAnswer): DavEntry | undefined {
  return answer.entries.find((e) => sameResource(e.href, answer.url)) ?? answer.entries[0];
}

/**
 * Errors that end discovery at once; anything else means "try the next candidate". A busy or
 * unreachable server is not asked at another URL: that would only add to its load; a principal
 * or home set on a foreign host must reach the person, not read as "no home found".
 */
function isFatal(error: unknown): boolean {
  return isTransient(error) || (error instanceof AuthError && error.status === 401) || isPolicyRefusal(error);
}

async function homesOfPrincipal(ctx: HttpContext, kind: DavKind, principal: string): Promise<string[]> {
  try {
    const answer = await propfind(ctx, principal, '0', [`${kind.prefix}:${kind.homeSet}`]);
    const entry = ownEntry(answer);
    return entry ? propHrefs(entry, kind.homeSet, answer.url) : [];
  } catch (error) {
    if (isFatal(error)) throw error;
    return [];
  }
}

function candidates(ctx: HttpContext, kind: DavKind): string[] {
  const wellKnown = new URL(kind.wellKnown, ctx.serverUrl).href;
  return sameResource(ctx.serverUrl, wellKnown) ? [wellKnown] : [ctx.serverUrl, wellKnown];
}

export async function discover(ctx: HttpContext, kind: DavKind): Promise<Discovery> {
  const properties = ['D:resourcetype', 'D:current-user-principal', `${kind.prefix}:${kind.homeSet}`];
  let firstError: unknown;
  let answeredUrl: string | undefined;
  for (const candidate of candidates(ctx, kind)) {
    let answer: MultistatusAnswer;
    try {
      answer = await propfind(ctx, candidate, '0', properties);
    } catch (error) {
      if (isFatal(error)) throw error;
      firstError ??= error;
      continue;
    }
    const entry = ownEntry(answer);
    if (entry === undefined) continue;
    if (containsElement(entry.props.resourcetype, kind.resourceType)) {
      return { homes: [], collections: [entry.href], guessed: false };
    }
    let homes = propHrefs(entry, kind.homeSet, answer.url);
    const principal = propHrefs(entry, 'current-user-principal', answer.url)[0];
    if (homes.length === 0 && principal !== undefined) homes = await homesOfPrincipal(ctx, kind, principal);
    if (homes.length > 0) return { homes, collections: [], guessed: false };
    answeredUrl ??= answer.url;
  }
  if (answeredUrl !== undefined) return { homes: [answeredUrl], collections: [], guessed: true };
  // A 403 says more than "not DAV"; a 404 or 500 at both places says the URL is wrong.
  if (firstError instanceof AuthError || firstError instanceof NotDavError) throw firstError;
  if (firstError instanceof Error) throw new NotDavError(ctx.serverUrl, firstError.message);
  throw new NotDavError(ctx.serverUrl, noneFound(kind));
}
