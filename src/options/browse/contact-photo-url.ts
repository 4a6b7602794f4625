// A contact's photo as a Blob URL the page can show. Raster bytes get a Blob typed by what
// they are (sniff-image.ts), not by what the card declares. An SVG is drawn once into a PNG
// through an <img> (an SVG used as an image runs no script and loads nothing, HTML §4.8.4.2
// and SVG 2 §2.4 "secure animated mode") and its own Blob URL revoked at once: the only URL
// left in the page is the PNG's, so "open image in new tab" can never open the SVG as a
// document of the extension. Anything else is not shown, and the card says so.
import { useEffect, useState } from 'preact/hooks';
import type { InlineData } from '../../cards/vcard-media';
import { sniffImage } from './sniff-image';

const DRAWN_SIZE = 192;

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> | null {
  try {
    return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

async function drawSvg(bytes: Uint8Array<ArrayBuffer>): Promise<Blob | null> {
  const svgUrl = URL.createObjectURL(new Blob([bytes], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = svgUrl;
    await image.decode();
    const scale = Math.min(1, DRAWN_SIZE / Math.max(image.naturalWidth || DRAWN_SIZE, image.naturalHeight || DRAWN_SIZE));
    const canvas = new OffscreenCanvas(Math.round((image.naturalWidth || DRAWN_SIZE) * scale), Math.round((image.naturalHeight || DRAWN_SIZE) * scale));
    canvas.getContext('2d')?.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await canvas.convertToBlob({ type: 'image/png' });
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(svgUrl);
  }
}

async function photoBlob(data: InlineData): Promise<Blob | null> {
  const bytes = decodeBase64(data.base64);
  if (!bytes) return null;
  const sniffed = sniffImage(bytes, data.mediaType);
  if (sniffed === 'markup') return drawSvg(bytes);
  return sniffed ? new Blob([bytes], { type: sniffed }) : null;
}

export interface ContactPhoto {
  url: string | null;
  /** The card carries a picture that is not shown (not base64, or not a known image). */
  notShown: boolean;
}

export function useContactPhoto(data: InlineData | null): ContactPhoto {
  const [photo, setPhoto] = useState<ContactPhoto>({ url: null, notShown: false });
  useEffect(() => {
    if (!data) {
      setPhoto({ url: null, notShown: false });
      return undefined;
    }
    let made: string | null = null;
    let cancelled = false;
    void photoBlob(data).then((blob) => {
      if (cancelled) return;
      made = blob && URL.createObjectURL(blob);
      setPhoto({ url: made, notShown: !blob });
    });
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [data?.base64, data?.mediaType]);
  return photo;
}
