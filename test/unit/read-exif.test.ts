// What the mirror learns of a photo from its EXIF: taken time (wall clock, or with its offset),
// pixel size and position, from one parse of the file's first bytes; files without EXIF or
// with damaged EXIF give nothing rather than failing the photo.
import { describe, expect, it, vi } from 'vitest';
import * as exifrLite from 'exifr/dist/lite.esm.mjs';
import { exifDate, readExif } from '../../src/photos/read-exif';
import { makeJpeg, makeMp4 } from '../harness/sample-photos';

describe('readExif', () => {
  it('reads the taken time, the pixel size and where it was taken', async () => {
    const jpeg = makeJpeg({ width: 32, height: 24, takenAt: '2021:03:28 01:30:00', gps: { latitude: 52.5163, longitude: 13.3777 } });
    const facts = await readExif(jpeg);
    expect(facts.takenAt).toBe(Date.UTC(2021, 2, 28, 1, 30, 0));
    expect([facts.width, facts.height]).toEqual([32, 24]);
    expect(facts.geo?.latitude).toBeCloseTo(52.5163, 4);
    expect(facts.geo?.longitude).toBeCloseTo(13.3777, 4);
  });

  it('gives southern and western positions as negative degrees', async () => {
    const facts = await readExif(new Blob([new Uint8Array(makeJpeg({ gps: { latitude: -33.8568, longitude: -70.6483 } }))]));
    expect(facts.geo?.latitude).toBeCloseTo(-33.8568, 4);
    expect(facts.geo?.longitude).toBeCloseTo(-70.6483, 4);
  });

  it('leaves the position empty when the photo has none', async () => {
    expect((await readExif(makeJpeg())).geo).toBeNull();
  });

  it('gives nothing, without failing, for files without EXIF or that are not images', async () => {
    const none = { takenAt: null, width: null, height: null, geo: null };
    expect(await readExif(makeJpeg({ takenAt: null }))).toEqual(none);
    expect(await readExif(makeMp4(2048))).toEqual(none);
    expect(await readExif(new Uint8Array([0xff, 0xd8, 0xff, 0xe1, 0x00, 0x08, 0x45, 0x78]))).toEqual(none);
  });

  it('hands exifr the same options every time, which exifr caches by object', async () => {
    // A new options object per photo grows exifr's cache by one entry per photo, for good.
    const { Options } = exifrLite as unknown as { Options: { useCached(options: object): unknown } };
    const cached = vi.spyOn(Options, 'useCached');
    await readExif(makeJpeg({ seed: 1 }));
    await readExif(makeJpeg({ seed: 2 }));
    const passed = cached.mock.calls.map(([options]) => options);
    cached.mockRestore();
    expect(passed.length).toBeGreaterThanOrEqual(2);
    expect(new Set(passed).size).toBe(1);
  });
});

describe('exifDate', () => {
  it('keeps a wall-clock time as if UTC and applies an offset when the camera wrote one', () => {
    expect(exifDate('2023:07:14 10:30:00', undefined)).toBe(Date.UTC(2023, 6, 14, 10, 30));
    expect(exifDate('2023:07:14 10:30:00', '+02:00')).toBe(Date.UTC(2023, 6, 14, 8, 30));
    expect(exifDate('0000:00:00 00:00:00', undefined)).toBeNull();
    expect(exifDate(12, undefined)).toBeNull();
  });
});
