// A listing of a whole collection may take ten times an ordinary request's time limit: a server
// works the answer out in full before it sends anything (Radicale: 87.5 s for 100,000 contacts),
// so under the ordinary limit such a collection could never be mirrored. Other requests keep the
// ordinary limit, and a listing that stalls past its own still ends.
import { describe, expect, it } from 'vitest';
import { createAccountContext } from '../../src/http/http-context';
import { NetworkError } from '../../src/http/http-errors';
import { davKind } from '../../src/providers/dav/dav-kind';
import { propfind } from '../../src/providers/dav/dav-propfind';
import { listEtags } from '../../src/providers/dav/list-etags';
import { LISTING_TIME_FACTOR } from '../../src/providers/dav/listing-time-limit';
import { syncCollection } from '../../src/providers/dav/sync-collection';

const URL_ = 'https://dav.example.com/u/contacts/';
const LIMIT_MS = 25;
const ANSWER =
  '<d:multistatus xmlns:d="DAV:"><d:response><d:href>/u/contacts/a.vcf</d:href><d:propstat><d:prop><d:getetag>"1"</d:getetag>' +
  '<d:getcontenttype>text/vcard</d:getcontenttype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>' +
  '<d:sync-token>t1</d:sync-token></d:multistatus>';

/** A server that answers every request after `delayMs`, unless the client gives up first. */
function slowServer(delayMs: number): typeof fetch {
  return (_input, init) =>
    new Promise<Response>((resolve, reject) => {
      const timer = setTimeout(() => resolve(new Response(ANSWER, { status: 207, headers: { 'Content-Type': 'application/xml; charset=utf-8' } })), delayMs);
      init?.signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(new DOMException('The client gave up waiting', 'TimeoutError'));
      });
    });
}

const contextFor = (delayMs: number) =>
  createAccountContext({ serverUrl: URL_, username: 'u', password: 'p', fetch: slowServer(delayMs) }, { timeoutMs: LIMIT_MS, retry: { maxAttempts: 1 } });

describe('the time limit of a listing', () => {
  const slow = LIMIT_MS * 4;

  it('lets a sync-collection listing answer after several times the ordinary limit', async () => {
    const listing = await syncCollection(contextFor(slow), davKind('addressbook'), URL_, '');
    expect(listing.changed.map((item) => item.href)).toEqual([`${URL_}a.vcf`]);
  });

  it('lets a PROPFIND Depth 1 listing do the same', async () => {
    const listing = await listEtags(contextFor(slow), davKind('addressbook'), URL_);
    expect(listing.items.map((item) => item.href)).toEqual([`${URL_}a.vcf`]);
  });

  it("gives a PROPFIND asking the collections' sync tokens the same limit: the server computes each over every member", async () => {
    const answer = await propfind(contextFor(slow), URL_, '1', ['D:displayname', 'D:sync-token']);
    expect(answer.entries).toHaveLength(1);
  });

  it('keeps the ordinary limit for any other request', async () => {
    await expect(propfind(contextFor(slow), URL_, '0', ['D:getetag'])).rejects.toBeInstanceOf(NetworkError);
  });

  it('still ends a listing that stalls past its own limit', async () => {
    await expect(syncCollection(contextFor(LIMIT_MS * LISTING_TIME_FACTOR * 2), davKind('addressbook'), URL_, '')).rejects.toBeInstanceOf(NetworkError);
  });
});
