// An https server that redirects to plain http. Whatever comes back travelled in clear, so it
// is never used, and the password never follows (another origin: Fetch drops the header). The
// https side uses a certificate made at test time (hostile-tls.ts); NODE_TLS_REJECT_UNAUTHORIZED
// is lowered for this file only (vitest runs each file in its own worker) and restored after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readers } from '../../src/sync/readers/index';
import { addTestAccount, freshDb } from '../support/test-db';
import { runMirror } from '../harness/mirror-run';
import { authorizedRequests, startHostileHost, type HostileHost } from '../harness/hostile-host';
import { redirectTo } from '../harness/hostile-dav-server';
import { selfSignedCertificate } from '../harness/hostile-tls';

const MULTISTATUS =
  '<?xml version="1.0" encoding="utf-8"?><multistatus xmlns="DAV:"><response><href>/</href><propstat><prop>' +
  '<current-user-principal><href>/principal/</href></current-user-principal></prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>';

let secure: HostileHost;
let plain: HostileHost;
const previousTls = process.env.NODE_TLS_REJECT_UNAUTHORIZED;

beforeAll(async () => {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  plain = await startHostileHost({
    address: '127.0.0.1',
    handler: (_req, res) => {
      res.writeHead(207, { 'Content-Type': 'application/xml; charset=utf-8' }).end(MULTISTATUS);
    },
  });
  secure = await startHostileHost({ address: '127.0.0.1', tls: await selfSignedCertificate() });
  secure.handle((req, res, body) => redirectTo(plain.url, req.url ?? '/')(req, res, body));
});
afterAll(async () => {
  if (previousTls === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
  else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previousTls;
  await Promise.all([secure?.stop(), plain?.stop()]);
});

describe('an https server that redirects to http', () => {
  it('is not followed with the password, its answer is not used, and the run names the http host', async () => {
    const db = freshDb();
    const account = await addTestAccount(db);
    const { summary } = await runMirror({ db, account, readers, serverUrl: secure.url, username: 'jane', password: 'pässwörd-S3cret', kinds: ['addressbook'] });

    expect(secure.requests.length).toBeGreaterThan(0);
    expect(secure.requests.every((r) => r.headers.authorization?.startsWith('Basic '))).toBe(true);
    // Fetch followed the 307 (as a browser does) without the header; nothing more went there.
    expect(plain.requests.length).toBeGreaterThan(0);
    expect(authorizedRequests(plain)).toEqual([]);
    expect(summary.outcome).toBe('failed');
    expect(summary.errors.map((e) => e.message)).toContain(
      `The server sent Lifeboat from https to unencrypted http at ${plain.host}; Lifeboat did not use that answer`,
    );
    expect(await db.items.count()).toBe(0);
    expect(await db.collections.count()).toBe(0);
  });
});
