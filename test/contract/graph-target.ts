// The Graph test server (harness/graph-server.ts) as a target of the source contract: the
// contacts or calendars source on its default contact folder or one calendar, changed upstream
// through the server's own store, its record read back as Graph serves it (JSON: the source
// writes the vCard or iCalendar text from it, so the text is compared by what it names).
import type { HttpContextOptions } from '../../src/http/http-context';
import type { CollectionKind, Source } from '../../src/model/source';
import { createGraphCalendarsSource } from '../../src/providers/microsoft/graph-calendars-source';
import { createGraphContactsSource, type GraphConnection } from '../../src/providers/microsoft/graph-contacts-source';
import type { GraphEventJson } from '../harness/graph-calendar-routes';
import { startGraphServer, type GraphTestServer } from '../harness/graph-server';
import type { ContractTarget, SourceFixture } from './contract-target';
import { graphFixtureParts } from './graph-fixture-parts';

const TOKEN = 'contract-token';
const CALENDAR = 'cal-contract';

function eventJson(n: number, label: string): GraphEventJson {
  const day = String((n % 28) + 1).padStart(2, '0');
  return { id: `e-${n}`, type: 'singleInstance', subject: label, start: { dateTime: `2025-05-${day}T11:00:00.0000000`, timeZone: 'UTC' }, end: { dateTime: `2025-05-${day}T12:00:00.0000000`, timeZone: 'UTC' } };
}

/** Upstream edits of the one collection under test, in the server's own store. */
function editsFor(graph: GraphTestServer, kind: CollectionKind): Pick<SourceFixture, 'add' | 'change' | 'remove'> {
  if (kind === 'addressbook') {
    const write = (n: number, label: string) => Promise.resolve(graph.put('', { id: `c-${n}`, displayName: label }));
    return { add: write, change: write, remove: (n) => Promise.resolve(graph.remove('', `c-${n}`)) };
  }
  const events = new Map<number, GraphEventJson>();
  const publish = () => graph.setCalendar(CALENDAR, 'Contract', [...events.values()]);
  const write = (n: number, label: string) => {
    events.set(n, eventJson(n, label));
    return Promise.resolve(publish());
  };
  const remove = (n: number) => {
    events.delete(n);
    return Promise.resolve(publish());
  };
  return { add: write, change: write, remove };
}

export function graphTarget(kind: CollectionKind): ContractTarget {
  return {
    capabilities: {
      served: 'converted',
      deltas: true,
      auth: true,
      network: true,
    },
    async start(): Promise<SourceFixture> {
      // Pages of 50: the delta and next links name the server's own origin, so through a fault
      // proxy only the first page would pass it; the contract's collections fit in one.
      const graph = await startGraphServer((token) => token === TOKEN, 50);
      if (kind === 'calendar') graph.setCalendar(CALENDAR, 'Contract', []);
      const make = (graphUrl: string, token: string, options: HttpContextOptions = {}): Source => {
        const conn: GraphConnection = { graphUrl, bearer: { accessToken: token, renew: () => Promise.resolve(token) } };
        return kind === 'addressbook' ? createGraphContactsSource(conn, options) : createGraphCalendarsSource(conn, options);
      };
      const recordPath = kind === 'addressbook' ? 'me/contacts/' : 'me/events/';
      return {
        source: make(graph.graphUrl, TOKEN),
        kind,
        collectionPath: kind === 'addressbook' ? '/v1.0/me/contacts/' : `/v1.0/me/calendars/${CALENDAR}/events/`,
        ...editsFor(graph, kind),
        async served(href) {
          const id = href.slice(href.lastIndexOf('/') + 1);
          const response = await fetch(`${graph.graphUrl}${recordPath}${id}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
          return response.text();
        },
        ...graphFixtureParts(graph, make, TOKEN),
      };
    },
  };
}
