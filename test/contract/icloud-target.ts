// The reproduction of icloud.com's web services (harness/icloud/) as a target of the source
// contract: the iCloud items source on the address book or on one calendar, changed upstream
// through the reproduction's own store, its record read back as the service serves it (JSON:
// the source writes the vCard or iCalendar from it). Each web service is its own origin, so a
// source "at another origin" is one whose session names that origin for the service under test:
// the fault proxy then stands in front of the contacts or calendar service itself.
import type { HttpContextOptions } from '../../src/http/http-context';
import { createHttpContext } from '../../src/http/http-context';
import type { CollectionKind, Source, SyncCursor } from '../../src/model/source';
import { clientParams, serviceUrl } from '../../src/providers/icloud-web/client-params';
import { calendarHref, createIcloudItemsSource } from '../../src/providers/icloud-web/items-source';
import { sessionOnce } from '../../src/providers/icloud-web/session-once';
import { startIcloudWebServer, type IcloudWebServer } from '../harness/icloud/icloud-web-server';
import { icloudBrowserFetch } from '../support/icloud-browser-fetch';
import type { ContractTarget, SourceFixture } from './contract-target';

const CALENDAR = 'contract-calendar';
const NOTE = 'Zoë’s note; “quotes”, commas\nand 日本語 😀';

function itemsSource(icloud: IcloudWebServer, kind: CollectionKind, options: HttpContextOptions = {}, at?: { origin: string }, cookies?: string): Source {
  const browser = icloudBrowserFetch(cookies === undefined ? icloud : { ...icloud, cookieHeader: () => cookies });
  const ctx = createHttpContext({ serverUrl: icloud.setupUrl, authorization: '', credentials: 'browser-session', fetch: browser.fetch, options });
  const validated = sessionOnce(ctx, icloud.setupUrl);
  const service = kind === 'addressbook' ? 'contacts' : 'calendar';
  const session = async () => {
    const s = await validated();
    return at ? { ...s, services: { ...s.services, [service]: at.origin } } : s;
  };
  return createIcloudItemsSource({ ctx, session, thisYear: 2026 });
}

function edits(icloud: IcloudWebServer, kind: CollectionKind): Pick<SourceFixture, 'add' | 'change' | 'remove'> {
  if (kind === 'addressbook') {
    const write = (n: number, label: string) => Promise.resolve(icloud.contacts.putContact({ contactId: `contract-${n}`, firstName: label, notes: NOTE, phones: [{ field: `+1 555 010${n}`, label: 'MOBILE' }] }));
    return { add: write, change: write, remove: (n) => Promise.resolve(icloud.contacts.removeContact(`contract-${n}`)) };
  }
  const write = (n: number, label: string) => {
    const day = `2025-04-${String((n % 28) + 1).padStart(2, '0')}`;
    return Promise.resolve(icloud.calendar.putEvent({ guid: `contract-event-${n}`, pGuid: CALENDAR, title: label, start: `${day}T09:00`, end: `${day}T10:00`, tz: 'Europe/Berlin', description: NOTE }));
  };
  return { add: write, change: write, remove: (n) => Promise.resolve(icloud.calendar.removeEvent(CALENDAR, `contract-event-${n}`)) };
}

/** The record the reproduction holds for an item, as its own service answers it. */
async function served(icloud: IcloudWebServer, kind: CollectionKind, href: string): Promise<string> {
  const id = decodeURIComponent(href.slice(href.lastIndexOf('/') + 1).replace(/\.(vcf|ics)$/, ''));
  const params = clientParams({ clientId: 'contract', dsid: icloud.dsid });
  const { fetch } = icloudBrowserFetch(icloud);
  if (kind === 'calendar') {
    const url = serviceUrl(icloud.services.calendar, `ca/eventdetail/${CALENDAR}/${encodeURIComponent(id)}`, params);
    return (await fetch(url, { credentials: 'include' })).text();
  }
  const startup = (await (await fetch(serviceUrl(icloud.services.contacts, 'co/startup', params), { credentials: 'include' })).json()) as Record<string, string>;
  const url = serviceUrl(icloud.services.contacts, 'co/contacts', params, { prefToken: startup.prefToken!, syncToken: startup.syncToken!, limit: '0' });
  const { contacts } = (await (await fetch(url, { credentials: 'include' })).json()) as { contacts: Array<{ contactId: string }> };
  return JSON.stringify(contacts.find((c) => c.contactId === id) ?? null);
}

export function icloudTarget(kind: CollectionKind): ContractTarget {
  return {
    capabilities: {
      served: 'converted',
      deltas: { lacks: 'iCloud\'s contacts and calendar web services offer no change listing a client is known to use (pyicloud names /co/changeset without showing an answer): a changed collection is listed whole and compared with the mirror by etag' },
      auth: true,
      network: true,
    },
    async start(): Promise<SourceFixture> {
      const icloud = await startIcloudWebServer();
      icloud.signIn();
      if (kind === 'calendar') icloud.calendar.putCalendar({ guid: CALENDAR, title: 'Contract' });
      const service = kind === 'addressbook' ? icloud.services.contacts : icloud.services.calendar;
      return {
        source: itemsSource(icloud, kind),
        kind,
        collectionPath: kind === 'addressbook' ? '/co/contacts/' : new URL(calendarHref(icloud.services.calendar, CALENDAR)).pathname,
        ...edits(icloud, kind),
        served: (href) => served(icloud, kind, href),
        // A ctag the service no longer gives: the source lists the collection whole.
        invalidate: (cursor: SyncCursor) => Promise.resolve({ ...cursor, ctag: 'forgotten-ctag' }),
        // A session icloud.com no longer knows: 421 "Invalid global session".
        refusedSource: () => itemsSource(icloud, kind, {}, undefined, `X-APPLE-WEBAUTH-USER="v=1:s=0:d=${icloud.dsid}"; X-APPLE-WEBAUTH-TOKEN="v=2:t=revoked"`),
        sourceAt: (origin, options) => itemsSource(icloud, kind, options, { origin }),
        origin: new URL(service).origin,
        stop: () => icloud.stop(),
      };
    },
  };
}
