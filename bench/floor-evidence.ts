// What the floors' own scripts found, shown beside the targets they bound: the storing floor's
// ratio (storing-floor.ts: the cheapest protocol pattern run in Chromium storing every text into
// IndexedDB, over the plain floor) beside "first mirror ≤ 1.5× floor"; the sync floors fetched
// and stored by Chromium (browser-sync-floor.ts) beside "100 changes ≤ 2× the floor"; the first
// paint of a blank extension page (popup-floor.ts) beside "popup first paint ≤ 50 ms". Each comes
// from its own run, named with its time and load, not from the bench's run: a target no
// extension can reach in this browser and on this server is shown so, with the best achievable
// figure.
import { existsSync, readFileSync } from 'node:fs';
import type { ServerName } from './bench-server';
import { formatMs, formatRatio } from './format';
import { median } from './timing';
import { readSyncFloors, type SyncFloorClient } from './sync-floor-results';

export interface FloorEvidence {
  /** Beside the first-mirror ÷ floor target. */
  firstMirror?: string;
  /** Beside the "no-change sync ≤ 2× the floor" target. */
  noChange?: string;
  /** Beside the "100 upstream changes ≤ 2× the floor" target. */
  changes?: string;
  /** Beside the popup's first-paint target. */
  popupFirstPaint?: string;
}

interface StoringFloorEntry {
  server?: ServerName;
  contacts: number;
  items: number;
  measuredAt: string;
  ratios: { storingOverFloor: number; storingOverFloorByRound: number[]; lifeboatOverStoring: number | null };
  rounds: Record<string, Array<{ load: number }>>;
}

interface PopupFloorResults {
  measuredAt: string;
  contacts: number;
  openings: number;
  load: number[];
  firstPaint: Record<string, number[]>;
}

const STORING = new URL('./storing-floor-results.json', import.meta.url);
const POPUP = new URL('./popup-floor-results.json', import.meta.url);

const read = <T>(url: URL): T | undefined => (existsSync(url) ? (JSON.parse(readFileSync(url, 'utf8')) as T) : undefined);
const minute = (iso: string): string => `${iso.slice(0, 16)}Z`;
const loadRange = (loads: number[]): string => `load ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;

function storingFloor(server: ServerName): string | undefined {
  const entries = (read<StoringFloorEntry[]>(STORING) ?? []).filter((e) => (e.server ?? 'radicale') === server);
  const largest = entries.sort((a, b) => b.contacts - a.contacts)[0];
  if (!largest) return undefined;
  const { storingOverFloor, storingOverFloorByRound, lifeboatOverStoring } = largest.ratios;
  const loads = Object.values(largest.rounds).flat().map((r) => r.load);
  return (
    `storing floor ÷ floor ${formatRatio(storingOverFloor)} (rounds ${storingOverFloorByRound.map(formatRatio).join(', ')})` +
    (lifeboatOverStoring === null ? '' : `, Lifeboat ÷ storing floor ${formatRatio(lifeboatOverStoring)}`) +
    ` at ${largest.items.toLocaleString('en-US')} items (storing-floor.ts, ${minute(largest.measuredAt)}, ${loadRange(loads)})`
  );
}

function popupFloor(): string | undefined {
  const results = read<PopupFloorResults>(POPUP);
  const blank = results?.firstPaint['blank page'];
  const popup = results?.firstPaint.popup;
  if (!results || !blank || !popup) return undefined;
  return `blank extension page ${formatMs(median(blank))}, popup ${formatMs(median(popup))} in the same run (${results.openings} openings each, popup-floor.ts, ${minute(results.measuredAt)}, ${loadRange(results.load)})`;
}

/** A sync (`figure`: "no-change" or "changes") fetched and stored in Chromium at its least (browser-sync-floor.ts), over the floor from Node. */
function syncFloor(server: ServerName, figure: string): string | undefined {
  const largest = readSyncFloors().filter((e) => e.server === server).sort((a, b) => b.contacts - a.contacts)[0];
  const times = largest && Object.entries(largest.rounds).find(([name]) => name.includes(figure))?.[1];
  if (!largest || !times) return undefined;
  const node = median(times['floor from Node']);
  const over = (client: SyncFloorClient): string => `${formatMs(median(times[client]))} (${formatRatio(median(times[client]) / node)})`;
  return (
    `floor from Node ${formatMs(node)}, fetched by Chromium ${over('floor in Chromium')}, storing floor ${over('storing floor')}, Lifeboat ${over('Lifeboat')}, ` +
    `medians of ${times.Lifeboat.length} rounds at ${largest.items.toLocaleString('en-US')} items (browser-sync-floor.ts, ${minute(largest.measuredAt)}, ${loadRange(largest.load)})`
  );
}

/** The floors' evidence for one server's targets, from the scripts' last results. */
export function floorEvidence(server: ServerName): FloorEvidence {
  return { firstMirror: storingFloor(server), noChange: syncFloor(server, 'no-change'), changes: syncFloor(server, 'changes'), popupFirstPaint: popupFloor() };
}
