// Reading a photo source whole, whichever kind it is: a folder walk (WebDAV) or a change feed
// (OneDrive), and one download collected into bytes.
import type { PhotoBody, PhotoSource, RemotePhoto } from '../../src/model/photo-source';

export const names = (photos: RemotePhoto[]): string[] => photos.map((p) => p.name).sort();

/** Every photo a fresh listing names, by href. */
export async function listEverything(source: PhotoSource): Promise<{ photos: RemotePhoto[]; cursor: string | null }> {
  if ('listFolders' in source) {
    const photos: RemotePhoto[] = [];
    for await (const folder of source.listFolders()) photos.push(...folder.photos);
    return { photos, cursor: null };
  }
  const changes = await source.listChanges(null);
  if (changes.mode !== 'full') throw new Error('A listing from no cursor must be full');
  return { photos: changes.photos, cursor: changes.cursor };
}

/** The bytes a download hands over from `offset`, with where they start and the digests sent. */
export async function downloadBytes(source: PhotoSource, photo: RemotePhoto, offset = 0): Promise<{ start: number; bytes: Uint8Array; answer: PhotoBody }> {
  let result: { start: number; bytes: Uint8Array; answer: PhotoBody } | undefined;
  await source.download(photo, offset, async (answer) => {
    const bytes = new Uint8Array(await new Response(answer.body).arrayBuffer());
    result = { start: answer.start, bytes, answer };
  });
  if (!result) throw new Error('The download handed nothing over');
  return result;
}
