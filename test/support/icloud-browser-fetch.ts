// What a browser signed in at icloud.com does to Lifeboat's requests, for tests under Node:
// a request made with `credentials: 'include'` carries the site's cookies (here the
// reproduction's, which stand for icloud.com's), one made with 'omit' carries none; and every
// request to the web services gets `Origin: https://www.icloud.com`, which the extension's
// declarativeNetRequest rule sets in the browser. Node's fetch has neither a cookie jar nor
// such a rule, so without this a test would prove nothing about what the session does.
//
// Sent with node:http rather than Node's fetch: undici repeats a request by itself after a 421
// (iCloud's "not signed in") and then fails a POST whose body it already sent; a browser hands
// the 421 to the caller.
import { request } from 'node:http';
import { ICLOUD_ORIGIN, type IcloudWebServer } from '../harness/icloud/icloud-web-server';

export interface IcloudBrowserFetch {
  fetch: typeof fetch;
  /** Requests sent, with whether the session's cookies went with them. */
  sent: Array<{ url: string; withCookies: boolean }>;
}

function send(url: string, init: RequestInit, headers: Headers): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? 'GET', headers: Object.fromEntries(headers), signal: init.signal ?? undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const answerHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) answerHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        const status = res.statusCode ?? 500;
        const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
        const response = new Response(body, { status, statusText: res.statusMessage ?? '', headers: answerHeaders });
        Object.defineProperty(response, 'url', { value: url });
        resolve(response);
      });
    });
    req.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
    if (typeof init.body === 'string') req.write(init.body);
    req.end();
  });
}

export function icloudBrowserFetch(server: IcloudWebServer): IcloudBrowserFetch {
  const sent: IcloudBrowserFetch['sent'] = [];
  const browserFetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input instanceof Request ? input.url : input);
    const headers = new Headers(init.headers);
    const withCookies = init.credentials === 'include' && server.cookieHeader() !== '';
    if (withCookies) headers.set('Cookie', server.cookieHeader());
    headers.set('Origin', ICLOUD_ORIGIN);
    sent.push({ url, withCookies });
    return send(url, init, headers);
  }) as typeof fetch;
  return { fetch: browserFetch, sent };
}
