// A DAV server that turns hostile, in front of a real Radicale: it redirects to a foreign host
// that asks for the password, names foreign hrefs, a foreign principal or home set, hands out
// the same sync token forever, streams a listing without end. For each: the foreign host never
// receives an Authorization header, everything the honest server holds is still mirrored, and
// the run tells the person which host it refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readers } from '../../src/sync/readers/index';
import { addTestAccount, freshDb } from '../support/test-db';
import { entries, mirrorTexts, serverTexts } from '../harness/mirror-check';
import { runMirror, type MirrorSetup } from '../harness/mirror-run';
import { startRadicale, type RadicaleServer } from '../harness/radicale';
import { makeCard, makeCards } from '../harness/sample-items';
import { deleteItem, putItem } from '../harness/dav-items';
import { makeEvents } from '../harness/sample-events';
import { authorizedRequests, endlessBody, startHostileHost, type HostileHost } from '../harness/hostile-host';
import { redirectTo, startHostileDav, syncLoop, type HostileDavServer } from '../harness/hostile-dav-server';
import type { DavSourceOptions } from '../../src/providers/dav/dav-source';

const CARDS = makeCards(6);
const EVENTS = makeEvents(4);

let radicale: RadicaleServer;
let hostile: HostileDavServer;
let foreign: HostileHost;
const path = (url: string) => new URL(url).pathname;
const withheld = () => `The server pointed to ${foreign.host}; Lifeboat did not send your password there`;

async function setup(options: DavSourceOptions = {}): Promise<MirrorSetup> {
  const db = freshDb();
  const account = await addTestAccount(db);
  return { db, account, readers, serverUrl: hostile.url, username: radicale.username, password: radicale.password, options };
}

async function honestlyMirrored(): Promise<MirrorSetup> {
  hostile.intercept = () => 'forward';
  const s = await setup();
  expect((await runMirror(s)).summary).toMatchObject({ outcome: 'ok', added: CARDS.length + EVENTS.length });
  return s;
}

async function contactsKept(s: MirrorSetup): Promise<void> {
  const mirrored = await mirrorTexts(s.db, s.account.id, path(radicale.addressBookUrl));
  expect(entries(mirrored.live)).toEqual(entries(await serverTexts(radicale.addressBookUrl, radicale)));
  expect(mirrored.live.size).toBe(CARDS.length);
}

beforeAll(async () => {
  radicale = await startRadicale({
    seed: [
      { name: 'contacts', kind: 'addressbook', items: CARDS },
      { name: 'calendar', kind: 'calendar', items: EVENTS },
    ],
  });
  hostile = await startHostileDav({ upstream: radicale.url });
  foreign = await startHostileHost({ address: '127.0.0.2' });
});
afterAll(async () => {
  await Promise.all([hostile?.stop(), foreign?.stop(), radicale?.stop()]);
});

describe('a DAV server that points elsewhere', () => {
  it('redirects the calendar to a foreign host that asks for the password: no password there, contacts kept, host named', async () => {
    foreign.requests.length = 0;
    hostile.intercept = (req) => (req.url?.startsWith(path(radicale.calendarUrl)) ? redirectTo(foreign.url, req.url) : 'forward');
    const s = await setup();
    const { summary } = await runMirror(s);

    // fetch followed the 307 (a browser must, see http/send.ts), without the header, and the
    // foreign 401 was not answered with the password.
    expect(foreign.requests.length).toBeGreaterThan(0);
    expect(authorizedRequests(foreign)).toEqual([]);
    expect(new Set(foreign.requests.map((r) => r.path))).toEqual(new Set([path(radicale.calendarUrl)]));
    expect(summary.errors.map((e) => e.message).join('\n')).toContain(withheld());
    await contactsKept(s);
  });

  // Discovery runs for every service before any collection is compared, and a service that
  // cannot be listed fails the whole listing: a collection missing from it must never read as
  // deleted upstream. So the run fails, and the mirror an honest run made stays as it was.
  it('names a calendar home set on a foreign host: nothing is sent there, the mirror stays whole', async () => {
    const s = await honestlyMirrored();
    const before = await mirrorTexts(s.db, s.account.id);
    foreign.requests.length = 0;
    hostile.intercept = (req, body) =>
      req.method === 'PROPFIND' && body.includes('calendar-home-set')
        ? { rewrite: (xml) => xml.replace(/(calendar-home-set[^>]*>\s*<(?:\w+:)?href>)[^<]*/g, `$1${foreign.url}lifeboat/`) }
        : 'forward';
    const { summary } = await runMirror(s);
    expect(foreign.requests).toEqual([]);
    expect(summary).toMatchObject({ outcome: 'failed', deletedUpstream: 0 });
    expect(summary.errors.map((e) => e.message).join('\n')).toContain(withheld());
    expect(await mirrorTexts(s.db, s.account.id)).toEqual(before);
  });

  it('names a principal on a foreign host: nothing is sent there, the mirror stays whole', async () => {
    const s = await honestlyMirrored();
    const before = await mirrorTexts(s.db, s.account.id);
    foreign.requests.length = 0;
    hostile.intercept = (req, body) =>
      req.method === 'PROPFIND' && body.includes('current-user-principal') && body.includes('calendar-home-set')
        ? { rewrite: (xml) => xml.replace(/(current-user-principal[^>]*>\s*<(?:\w+:)?href>)[^<]*/g, `$1${foreign.url}principal/`).replace(/<[^<>]*calendar-home-set[\s\S]*?\/[^<>]*calendar-home-set>/g, '') }
        : 'forward';
    const { summary } = await runMirror(s);
    expect(foreign.requests).toEqual([]);
    expect(summary).toMatchObject({ outcome: 'failed', deletedUpstream: 0 });
    expect(summary.errors.map((e) => e.message).join('\n')).toContain(withheld());
    expect(await mirrorTexts(s.db, s.account.id)).toEqual(before);
  });

  it('lists a contact whose href is on a foreign host: it is reported, never fetched there, the others kept', async () => {
    foreign.requests.length = 0;
    const evil = `${foreign.url}lifeboat/contacts/steal.vcf`;
    const extra = (prefix: string) =>
      `<${prefix}response><${prefix}href>${evil}</${prefix}href><${prefix}propstat><${prefix}prop><${prefix}getetag>"evil"</${prefix}getetag>` +
      `<${prefix}getcontenttype>text/vcard</${prefix}getcontenttype></${prefix}prop><${prefix}status>HTTP/1.1 200 OK</${prefix}status></${prefix}propstat></${prefix}response>`;
    hostile.intercept = (req, body) =>
      req.url === path(radicale.addressBookUrl) && !body.includes('multiget') && (req.method === 'PROPFIND' ? req.headers.depth === '1' : req.method === 'REPORT')
        ? { rewrite: (xml) => xml.replace(/<\/(\w+:)?multistatus>\s*$/, (end, prefix: string | undefined) => `${extra(prefix ?? '')}${end}`) }
        : 'forward';
    const s = await setup();
    const { summary } = await runMirror(s);
    expect(foreign.requests).toEqual([]);
    expect(summary.errors.map((e) => e.message).join('\n')).toContain(withheld());
    await contactsKept(s);
  });
});

describe('a DAV server that never stops', () => {
  // The guard ends the report after the one repeated token (http/page-guard.ts); the DAV
  // source then does what it does for any report that fails for good: a full listing by
  // PROPFIND, compared with the mirror. So the run neither loops nor misses the change.
  it('hands out the same sync token with "more to come" forever: one report, then the full listing brings the change', async () => {
    const s = await honestlyMirrored();
    const added = new URL('card-new.vcf', radicale.addressBookUrl).href;
    await putItem(added, makeCard(99).data, radicale);

    let loops = 0;
    hostile.intercept = (req, body) => {
      if (req.method !== 'REPORT' || !body.includes('sync-collection') || req.url !== path(radicale.addressBookUrl)) return 'forward';
      loops++;
      return syncLoop(req.url, body);
    };
    const { summary } = await runMirror(s);
    expect(loops).toBe(1);
    expect(summary).toMatchObject({ outcome: 'ok', added: 1, deletedUpstream: 0 });
    const mirrored = await mirrorTexts(s.db, s.account.id, path(radicale.addressBookUrl));
    expect(entries(mirrored.live)).toEqual(entries(await serverTexts(radicale.addressBookUrl, radicale)));
    await deleteItem(added, radicale);
  });

  it('streams a listing without end: reading stops at the cap, the run says so', async () => {
    const sent = { bytes: 0 };
    const head = '<?xml version="1.0" encoding="utf-8"?><multistatus xmlns="DAV:">';
    hostile.intercept = (req) => (req.method === 'PROPFIND' && req.headers.depth === '1' ? endlessBody({ contentType: 'application/xml; charset=utf-8', status: 207, head, sent }) : 'forward');
    const s = await setup({ bodyCaps: { multistatus: 2 * 1024 * 1024 } });
    const { summary } = await runMirror(s);
    expect(summary.outcome).toBe('failed');
    expect(summary.errors.map((e) => e.message).join('\n')).toContain(`The answer from ${hostile.host} was larger than 2 MB; Lifeboat stopped reading it`);
    // Counted as it streamed: the server was cut off soon after the cap, not read to its end.
    expect(sent.bytes).toBeLessThan(64 * 1024 * 1024);
    expect(await s.db.items.count()).toBe(0);
  });
});
