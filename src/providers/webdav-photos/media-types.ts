// Which files of a folder are photos and videos. The extension decides first, because servers
// often send application/octet-stream for HEIC, RAW and MOV files; a media type from the
// server decides for files without a known extension.

const TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  heif: 'image/heif',
  // Camera RAW formats: kept byte for byte, never decoded.
  dng: 'image/x-adobe-dng',
  cr2: 'image/x-canon-cr2',
  cr3: 'image/x-canon-cr3',
  nef: 'image/x-nikon-nef',
  arw: 'image/x-sony-arw',
  orf: 'image/x-olympus-orf',
  rw2: 'image/x-panasonic-rw2',
  raf: 'image/x-fuji-raf',
  mp4: 'video/mp4',
  m4v: 'video/x-m4v',
  mov: 'video/quicktime',
  '3gp': 'video/3gpp',
  avi: 'video/x-msvideo',
  mkv: 'video/x-matroska',
  webm: 'video/webm',
  mts: 'video/mp2t',
};

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The media type to store a file under, or null when it is no photo or video. */
export function photoMediaType(name: string, contentType: string | null = null): string | null {
  const known = TYPES[extensionOf(name)];
  if (known) return known;
  const served = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  return /^(image|video)\//.test(served) ? served : null;
}

export function isVideo(mime: string): boolean {
  return mime.startsWith('video/');
}
