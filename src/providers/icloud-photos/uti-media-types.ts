// Media types and file name extensions for the type identifiers (UTIs) CloudKit names a photo's
// files by: resOriginalFileType, resOriginalVidComplFileType, resJPEGFullFileType (icloudpd
// photos.py `ITEM_TYPES` and `PhotoAsset.versions`; Apple's "System-declared uniform type
// identifiers"). An identifier not listed falls back to the file name's extension.
import { photoMediaType } from '../webdav-photos/media-types';

const UTIS: Record<string, [mime: string, extension: string]> = {
  'public.jpeg': ['image/jpeg', 'JPG'],
  'public.heic': ['image/heic', 'HEIC'],
  'public.heif': ['image/heif', 'HEIF'],
  'public.png': ['image/png', 'PNG'],
  'com.compuserve.gif': ['image/gif', 'GIF'],
  'public.tiff': ['image/tiff', 'TIF'],
  'org.webmproject.webp': ['image/webp', 'WEBP'],
  'com.adobe.raw-image': ['image/x-adobe-dng', 'DNG'],
  'com.canon.cr2-raw-image': ['image/x-canon-cr2', 'CR2'],
  'com.canon.cr3-raw-image': ['image/x-canon-cr3', 'CR3'],
  'com.nikon.raw-image': ['image/x-nikon-nef', 'NEF'],
  'com.sony.arw-raw-image': ['image/x-sony-arw', 'ARW'],
  'com.apple.quicktime-movie': ['video/quicktime', 'MOV'],
  'public.mpeg-4': ['video/mp4', 'MP4'],
};

/** The media type of a file of type `uti` named `name`; application/octet-stream when neither says. */
export function utiMediaType(uti: string | null, name: string): string {
  return (uti && UTIS[uti]?.[0]) ?? photoMediaType(name) ?? 'application/octet-stream';
}

/** The extension a file of type `uti` takes, or null when unknown. */
export function utiExtension(uti: string | null): string | null {
  return (uti && UTIS[uti]?.[1]) ?? null;
}
