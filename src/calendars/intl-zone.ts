// A zone from the browser's own IANA time zone database, through Intl.DateTimeFormat.
import { tabulatedZone, type Zone } from './timezones';
import { wallFromParts } from './wall-time';

const zones = new Map<string, Zone | null>();

function formatterFor(name: string): Intl.DateTimeFormat | null {
  try {
    const date = { year: 'numeric', month: 'numeric', day: 'numeric' } as const;
    const time = { hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' } as const;
    return new Intl.DateTimeFormat('en-US', { timeZone: name, ...date, ...time });
  } catch {
    return null; // RangeError: not a zone this browser knows
  }
}

function zoneOfFormatter(f: Intl.DateTimeFormat): Zone {
  return tabulatedZone((utc) => {
    const parts: Record<string, number> = {};
    for (const p of f.formatToParts(new Date(utc * 1000))) parts[p.type] = Number(p.value);
    const date = { year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1 };
    return wallFromParts({ ...date, hour: parts.hour ?? 0, minute: parts.minute ?? 0, second: parts.second ?? 0 }) - utc;
  });
}

/**
 * Names to try for a TZID: itself, and for the path-like TZIDs that Mozilla, libical and
 * Citadel write ("/mozilla.org/20050126_1/America/New_York") its last two and three segments.
 */
function candidateNames(tzid: string): string[] {
  const name = tzid.trim();
  if (!name.startsWith('/')) return [name];
  const segments = name.split('/').filter((s) => s !== '');
  return [segments.slice(-2).join('/'), segments.slice(-3).join('/')];
}

/** The zone of an IANA name the browser knows, or null. */
export function intlZone(tzid: string): Zone | null {
  let zone = zones.get(tzid);
  if (zone !== undefined) return zone;
  zone = null;
  for (const name of candidateNames(tzid)) {
    const f = formatterFor(name);
    if (f !== null) {
      zone = zoneOfFormatter(f);
      break;
    }
  }
  // TZIDs come from servers; keep the cache small whatever they send.
  if (zones.size > 200) zones.clear();
  zones.set(tzid, zone);
  return zone;
}
