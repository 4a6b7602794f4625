// What a Takeout sidecar says of a photo. Its shape, as Takeouts write it (community notes,
// e.g. github.com/notPlancha/immich-gphotos-fix lib/types.ts, SupplementalMetadata):
//   { "title": "IMG_1234.jpg", "description": "",
//     "photoTakenTime": { "timestamp": "1563198005", "formatted": "…" },
//     "creationTime": { … }, "geoData": { "latitude": 40.71, "longitude": -74.0, … }, … }
// Timestamps are seconds since the epoch, as strings. A geoData of 0/0 means "no place".

export interface SidecarFacts {
  takenAt: number | null;
  description: string | null;
  geo: { latitude: number; longitude: number } | null;
}

function seconds(value: unknown): number | null {
  const stamp = typeof value === 'object' && value !== null ? (value as { timestamp?: unknown }).timestamp : undefined;
  const n = Number(stamp);
  return typeof stamp === 'string' && stamp !== '' && Number.isFinite(n) ? n * 1000 : null;
}

export function readSidecar(text: string): SidecarFacts {
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return { takenAt: null, description: null, geo: null };
  }
  const geo = json.geoData as { latitude?: unknown; longitude?: unknown } | undefined;
  const latitude = Number(geo?.latitude);
  const longitude = Number(geo?.longitude);
  const placed = Number.isFinite(latitude) && Number.isFinite(longitude) && (latitude !== 0 || longitude !== 0);
  return {
    takenAt: seconds(json.photoTakenTime) ?? seconds(json.creationTime),
    description: typeof json.description === 'string' && json.description.trim() !== '' ? json.description : null,
    geo: placed ? { latitude, longitude } : null,
  };
}

/** An album folder's metadata.json: `{ "title": "Summer 2019", … }`. */
export function albumTitle(text: string): string | null {
  try {
    const title = (JSON.parse(text) as { title?: unknown }).title;
    return typeof title === 'string' && title.trim() !== '' ? title : null;
  } catch {
    return null;
  }
}
