// Pairs each media file of a Takeout with its sidecar, folder by folder (a sidecar lies next to
// its file; split Takeouts can put them in different zips, so paths from every zip are pooled).
import { photoMediaType } from '../../providers/webdav-photos/media-types';
import { isCutSidecarOf, sidecarCandidates } from './sidecar-names';

export interface TakeoutPaths {
  /** Media path → its sidecar's path, or null when none was found. */
  media: Map<string, string | null>;
  /** Folder → path of its album metadata.json. */
  albumFiles: Map<string, string>;
}

function split(path: string): [string, string] {
  const slash = path.lastIndexOf('/');
  return [path.slice(0, slash + 1), path.slice(slash + 1)];
}

export function matchSidecars(paths: Iterable<string>): TakeoutPaths {
  const jsonByFolder = new Map<string, Set<string>>();
  const mediaPaths: string[] = [];
  const albumFiles = new Map<string, string>();
  for (const path of paths) {
    const [folder, name] = split(path);
    if (name === 'metadata.json') albumFiles.set(folder, path);
    else if (name.toLowerCase().endsWith('.json')) jsonByFolder.set(folder, (jsonByFolder.get(folder) ?? new Set()).add(name));
    else if (photoMediaType(name) && !name.startsWith('.')) mediaPaths.push(path);
  }
  const media = new Map<string, string | null>();
  for (const path of mediaPaths) {
    const [folder, name] = split(path);
    const jsons = jsonByFolder.get(folder) ?? new Set<string>();
    const exact = sidecarCandidates(name).find((candidate) => jsons.has(candidate));
    const cut = exact ?? [...jsons].find((json) => isCutSidecarOf(json, name));
    media.set(path, cut === undefined ? null : folder + cut);
  }
  return { media, albumFiles };
}
