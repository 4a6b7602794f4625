// Which JSON sidecar describes which media file in a Google Takeout. Google documents none of
// this; the rules below are what Takeouts show and what tools that read them handle (the
// structure notes of github.com/papa-vova/gphotos-321sync, Google_Takeout_Structure.md):
// - `IMG_1234.jpg` ↔ `IMG_1234.jpg.supplemental-metadata.json` (Takeouts since 2024) or
//   `IMG_1234.jpg.json` (before);
// - a long name is cut so that the sidecar's name stays within 51 characters: the suffix
//   shrinks (`.supplemental-metad.json`, `.suppl.json`, `..json`) and, for the oldest form,
//   the media name itself (the first 46 characters + `.json`);
// - a duplicate name gets a counter before the extension, `IMG_1234(1).jpg`, whose sidecar
//   carries it after: `IMG_1234.jpg(1).json` / `IMG_1234.jpg.supplemental-metadata(1).json`;
// - an edited copy `IMG_1234-edited.jpg` has no sidecar of its own: it shares the original's.

const EDITED = /-(edited|bearbeitet|modifié|editado|modificato|bewerkt)(?=\.[^.]+$|\(\d+\)\.[^.]+$)/i;
const COUNTER = /\((\d+)\)(?=\.[^.]+$)/;
/** Sidecar names are cut to this length, `.json` included. */
const SIDECAR_MAX = 51;

export interface MediaName {
  /** The name without counter and edit mark: what the sidecar is named after. */
  original: string;
  counter: string;
}

export function mediaName(name: string): MediaName {
  const unedited = name.replace(EDITED, '');
  const counter = COUNTER.exec(unedited)?.[1] ?? '';
  return { original: unedited.replace(COUNTER, ''), counter };
}

/** A sidecar's name without `.json` and its counter: what it starts a media name with. */
export function sidecarStem(name: string): { stem: string; counter: string } | null {
  const match = /^(.*?)(?:\((\d+)\))?\.json$/i.exec(name);
  return match ? { stem: match[1]!, counter: match[2] ?? '' } : null;
}

/** The sidecar names the media file may have, most likely first. */
export function sidecarCandidates(name: string): string[] {
  const { original, counter } = mediaName(name);
  const count = counter ? `(${counter})` : '';
  const full = [`${original}.supplemental-metadata${count}.json`, `${original}${count}.json`];
  // Cut forms: as many characters of "<name>.supplemental-metadata" as fit the limit.
  const room = SIDECAR_MAX - '.json'.length - count.length;
  const cut = `${original}.supplemental-metadata`.slice(0, room);
  return [...new Set([...full, `${cut}${count}.json`, `${original.slice(0, room)}${count}.json`])];
}

/**
 * A sidecar whose name was cut elsewhere than the limit above (Takeouts differ): its stem must
 * begin "<name>.supplemental-metadata" (or the name itself) and be long enough that only a
 * long name could have been cut to it.
 */
export function isCutSidecarOf(sidecar: string, media: string): boolean {
  const parts = sidecarStem(sidecar);
  const { original, counter } = mediaName(media);
  if (!parts || parts.counter !== counter || parts.stem.length < 30) return false;
  return `${original}.supplemental-metadata`.startsWith(parts.stem);
}
