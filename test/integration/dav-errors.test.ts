// Failures a person can meet, each as its typed error with a message that never holds the
// password: wrong credentials, a website instead of a DAV server, nothing listening.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDavSource } from '../../src/providers/dav/dav-source';
import { AuthError, NetworkError } from '../../src/http/http-errors';
import { NotDavError } from '../../src/providers/dav/dav-errors';
import { instantRetry } from '../harness/fake-fetch';
import { freePort } from '../harness/free-port';
import { startHtmlServer, type TestHttpServer } from '../harness/http-test-servers';
import { startRadicale, type RadicaleServer } from '../harness/radicale';

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected a failure');
}

describe('DAV client errors against real servers', () => {
  let radicale: RadicaleServer;
  let unicode: RadicaleServer;
  let html: TestHttpServer;

  beforeAll(async () => {
    // One by one, so that afterAll stops whatever did start if a later start fails.
    radicale = await startRadicale();
    // RFC 7617: credentials are UTF-8 before base64.
    unicode = await startRadicale({ username: 'jörg', password: 'pässwörd-ß-日本' });
    html = await startHtmlServer();
  });
  afterAll(async () => {
    await Promise.all([radicale?.stop(), unicode?.stop(), html?.stop()]);
  });

  it('throws AuthError for a wrong password (Radicale; Xandikos has no authentication)', async () => {
    const password = 'wrong-secret-Zq9';
    const source = createDavSource({ serverUrl: radicale.url, username: radicale.username, password }, 'addressbook');
    const error = await failure(source.listCollections());
    expect(error).toBeInstanceOf(AuthError);
    expect(error.message).toBe('The server refused the username or password');
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain(password);
  });

  it('logs in with non-ASCII username and password', async () => {
    const source = createDavSource({ serverUrl: unicode.url, username: 'jörg', password: 'pässwörd-ß-日本' }, 'addressbook');
    const books = await source.listCollections();
    expect(books.map((b) => b.href)).toEqual([unicode.addressBookUrl]);
  });

  it('throws NotDavError for a URL that serves a web page', async () => {
    const source = createDavSource({ serverUrl: html.url, username: 'a', password: 'secret-html-pw' }, 'addressbook');
    const error = await failure(source.listCollections());
    expect(error).toBeInstanceOf(NotDavError);
    expect(error.message).toContain(`127.0.0.1:${html.port}`);
    expect(error.message).not.toContain('secret-html-pw');
  });

  it('throws NetworkError when nothing listens on the port, after trying 5 times with backoff', async () => {
    const port = await freePort();
    const { waits, retry } = instantRetry();
    let tries = 0;
    const counting: typeof fetch = (input, init) => (tries++, fetch(input, init));
    const source = createDavSource({ serverUrl: `http://127.0.0.1:${port}/`, username: 'a', password: 'b', fetch: counting }, 'calendar', { retry });
    const error = await failure(source.listCollections());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toBe(`Could not reach 127.0.0.1:${port}`);
    expect(tries).toBe(5);
    expect(waits).toEqual([750, 1500, 3000, 6000]);
  });
});
