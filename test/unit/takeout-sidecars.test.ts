// Matching Takeout media to sidecars, with the names Takeouts really produce.
import { describe, expect, it } from 'vitest';
import { matchSidecars } from '../../src/photos/takeout/match-sidecars';
import { readSidecar } from '../../src/photos/takeout/read-sidecar';
import { folderAlbum } from '../../src/photos/takeout/takeout-albums';

const DIR = 'Takeout/Google Photos/Photos from 2019/';
const LONG = 'PXL_20190715_140005123.PORTRAIT-01.COVER_TOP.jpg';

describe('Takeout sidecars', () => {
  it('pairs each form of name with its sidecar', () => {
    const { media } = matchSidecars([
      `${DIR}IMG_1234.jpg`,
      `${DIR}IMG_1234.jpg.supplemental-metadata.json`,
      `${DIR}IMG_1234(1).jpg`,
      `${DIR}IMG_1234.jpg.supplemental-metadata(1).json`,
      `${DIR}IMG_1234-edited.jpg`,
      `${DIR}OLD_1.jpg`,
      `${DIR}OLD_1.jpg.json`,
      `${DIR}OLD_1(2).jpg`,
      `${DIR}OLD_1.jpg(2).json`,
      `${DIR}${LONG}`,
      `${DIR}${`${LONG}.supplemental-metadata`.slice(0, 46)}.json`,
      `${DIR}VID_1.mp4`,
    ]);
    expect(media.get(`${DIR}IMG_1234.jpg`)).toBe(`${DIR}IMG_1234.jpg.supplemental-metadata.json`);
    expect(media.get(`${DIR}IMG_1234(1).jpg`)).toBe(`${DIR}IMG_1234.jpg.supplemental-metadata(1).json`);
    expect(media.get(`${DIR}IMG_1234-edited.jpg`)).toBe(`${DIR}IMG_1234.jpg.supplemental-metadata.json`);
    expect(media.get(`${DIR}OLD_1.jpg`)).toBe(`${DIR}OLD_1.jpg.json`);
    expect(media.get(`${DIR}OLD_1(2).jpg`)).toBe(`${DIR}OLD_1.jpg(2).json`);
    expect(media.get(`${DIR}${LONG}`)).toBe(`${DIR}${`${LONG}.supplemental-metadata`.slice(0, 46)}.json`);
    expect(media.get(`${DIR}VID_1.mp4`)).toBeNull();
  });

  it('reads the time, the place and the description, and albums from folders', () => {
    const facts = readSidecar(JSON.stringify({ title: 'IMG_1234.jpg', description: 'Beach', photoTakenTime: { timestamp: '1563198005', formatted: 'Jul 15, 2019' }, geoData: { latitude: 40.7, longitude: -74, altitude: 0 } }));
    expect(facts).toEqual({ takenAt: 1563198005000, description: 'Beach', geo: { latitude: 40.7, longitude: -74 } });
    expect(readSidecar('{"geoData":{"latitude":0,"longitude":0}}').geo).toBeNull();
    expect(folderAlbum(DIR, null)).toBeNull();
    expect(folderAlbum('Takeout/Google Photos/Summer/', '{"title":"Summer 2019"}')).toBe('Summer 2019');
  });
});
