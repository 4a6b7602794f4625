// The cursor an iCloud Photos account keeps between runs: each zone's sync token from its last
// changes/zone round (timlaing/pyicloud client.py `iter_changes`). Stored as JSON text in the
// account record; anything unreadable counts as no cursor, which only means a full listing
// compared with the mirror.

export interface PhotosCursor {
  /** Zone name → the sync token to ask changes since. */
  zones: Record<string, string>;
}

export function encodeCursor(cursor: PhotosCursor): string {
  return JSON.stringify({ v: 1, zones: cursor.zones });
}

export function decodeCursor(text: string | null): PhotosCursor | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as { v?: unknown; zones?: unknown };
    if (value.v !== 1 || typeof value.zones !== 'object' || value.zones === null || Array.isArray(value.zones)) return null;
    const zones = Object.entries(value.zones as Record<string, unknown>);
    if (zones.length === 0 || !zones.every(([name, token]) => name !== '' && typeof token === 'string' && token !== '')) return null;
    return { zones: Object.fromEntries(zones) as Record<string, string> };
  } catch {
    return null;
  }
}
