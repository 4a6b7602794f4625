// Albums of a Takeout: every folder of "Google Photos" is one, except the year folders Google
// makes by itself ("Photos from 2019", in the account's language), which are dates, not albums.
// An album's title comes from its metadata.json, its folder name otherwise.
import { albumTitle } from './read-sidecar';

const YEAR_FOLDER = /^(Photos from|Fotos von|Photos de|Fotos de|Foto dal|Foto's uit) \d{4}$/i;

export function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf('/') + 1);
}

export function folderAlbum(folder: string, metadataText: string | null): string | null {
  const name = folder.split('/').filter(Boolean).pop() ?? '';
  if (name === '' || YEAR_FOLDER.test(name) || name === 'Google Photos') return null;
  return (metadataText && albumTitle(metadataText)) ?? name;
}
