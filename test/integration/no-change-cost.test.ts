// A sync with nothing new upstream must cost next to nothing: the account's source is built
// the way the extension builds it (providers/source-for-account.ts), with the homes remembered
// from the previous run, and every request is counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRadicale, makeCards, makeEvents, type RadicaleServer } from '../harness';
import { countingFetch } from '../harness/mirror-run';
import { freshDb, addTestAccount } from '../support/test-db';
import { sourceForAccount } from '../../src/providers/source-for-account';
import { syncAccount } from '../../src/sync/sync-account';
import { readers } from '../../src/sync/readers';
import { getAccount, updateAccount } from '../../src/db/accounts';

let radicale: RadicaleServer;

beforeAll(async () => {
  radicale = await startRadicale({
    seed: [
      { name: 'contacts', kind: 'addressbook', displayName: 'Contacts', items: makeCards(30) },
      { name: 'calendar', kind: 'calendar', displayName: 'Calendar', items: makeEvents(30) },
    ],
  });
});
afterAll(() => radicale?.stop());

describe('a sync with no change upstream', () => {
  it('costs one PROPFIND of the home both kinds share once the homes are remembered', async () => {
    const db = freshDb();
    await addTestAccount(db);
    await updateAccount(db, 'acct', { serverUrl: radicale.url, username: radicale.username });
    const run = async () => {
      const account = await getAccount(db, 'acct');
      const counter = countingFetch();
      const { source, discovery } = sourceForAccount(account, radicale.password, {}, counter.fetch);
      const summary = await syncAccount({ db, source, readers, now: Date.now }, account);
      await updateAccount(db, 'acct', { discovery: discovery() });
      return { summary, requests: counter.requests };
    };
    const first = await run();
    expect(first.summary).toMatchObject({ outcome: 'ok', added: 60 });

    const second = await run();
    expect(second.summary).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0 });
    expect(second.requests.map((r) => `${r.method} ${r.depth ?? ''}`)).toEqual(['PROPFIND 1']);
  });

  it('asks neither token nor ctag for a first mirror, and only the token after it', async () => {
    // Radicale computes a ctag over every item, as it does a token: asking both costs twice.
    const db = freshDb();
    await addTestAccount(db);
    await updateAccount(db, 'acct', { serverUrl: radicale.url, username: radicale.username });
    const listingBodies = async () => {
      const account = await getAccount(db, 'acct');
      const bodies: string[] = [];
      const recording: typeof fetch = (input, init) => {
        if (init?.method === 'PROPFIND' && new Headers(init.headers).get('Depth') === '1' && typeof init.body === 'string') bodies.push(init.body);
        return fetch(input, init);
      };
      const { source, discovery } = sourceForAccount(account, radicale.password, {}, recording);
      const summary = await syncAccount({ db, source, readers, now: Date.now }, account);
      await updateAccount(db, 'acct', { discovery: discovery() });
      return { summary, bodies };
    };
    const first = await listingBodies();
    // No cursor to compare them with: the first listing asks which collections there are.
    expect(first.summary).toMatchObject({ outcome: 'ok', added: 60 });
    expect(first.bodies.length).toBeGreaterThan(0);
    expect(first.bodies.some((body) => body.includes('getctag') || body.includes('sync-token'))).toBe(false);
    const second = await listingBodies();
    expect(second.summary).toMatchObject({ outcome: 'ok', added: 0, changed: 0, deletedUpstream: 0, unchanged: 60 });
    expect(second.bodies).toHaveLength(1);
    expect(second.bodies.some((body) => body.includes('getctag'))).toBe(false);
    expect(second.bodies.every((body) => body.includes('sync-token'))).toBe(true);
  });
});
