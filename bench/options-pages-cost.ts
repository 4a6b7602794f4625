// What open options pages cost a photo mirror: the photo bench's library (photo-mirror.ts), with
// `extra` more options pages opened beside the one the bench adds the folder from, just before
// the mirror starts; each page watches the accounts while the mirror commits batch after batch.
// Prints the mirror's time, its share of the floor and the Chromium CPU it spent per photo:
// the difference between a run with more pages and one without is what a page costs.
// Run: `npx tsx bench/options-pages-cost.ts [photos] [extra pages]`.
import { measurePhotoMirror } from './photo-mirror';
import { openOptions } from '../test/browser/extension-pages';

const photos = Number(process.argv[2] ?? 3000);
const extra = Number(process.argv[3] ?? 2);
const result = await measurePhotoMirror(photos, 128 * 1024, 60 * 60_000, {
  around: async (lifeboat, phase) => {
    if (phase === 'mirror') for (let page = 0; page < extra; page++) await openOptions(lifeboat.ext);
    return () => Promise.resolve();
  },
});
console.log(
  `${photos} photos, ${extra} more options pages: mirror ${result.mirrorMs} ms, ${result.ratio} of the floor, Chromium CPU a photo ${(result.mirrorCpuMs / photos).toFixed(2)} ms (floor ${(result.floorCpuMs / photos).toFixed(2)} ms)`,
);
