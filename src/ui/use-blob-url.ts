// A picture stored in the mirror as base64, shown through a Blob URL that lives as long as the
// element showing it (a data: URL of a 100 kB photo would be copied into every render).
import { useEffect, useState } from 'preact/hooks';
import type { InlineData } from '../cards/vcard-media';

function toBlob(data: InlineData): Blob | null {
  try {
    const bytes = Uint8Array.from(atob(data.base64), (c) => c.charCodeAt(0));
    return new Blob([bytes], { type: data.mediaType });
  } catch {
    return null; // Not base64 after all: show no picture rather than a broken one.
  }
}

export function useBlobUrl(data: InlineData | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const blob = data && toBlob(data);
    if (!blob) {
      setUrl(null);
      return undefined;
    }
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [data?.base64, data?.mediaType]);
  return url;
}
