// CloudKit's photo records as the files the photo engine mirrors: fields read leniently, a
// photo's files named and typed (original, Live Photo video, edited version), their stable
// hrefs, and the cursor that keeps each zone's sync token.
import { describe, expect, it } from 'vitest';
import { assetResources } from '../../src/providers/icloud-photos/asset-photos';
import { base64TextField, resourceField, type CkRecord } from '../../src/providers/icloud-photos/ck-record';
import { assetFacts, masterFacts } from '../../src/providers/icloud-photos/library-records';
import { decodeCursor, encodeCursor } from '../../src/providers/icloud-photos/photos-cursor';
import { assetHrefs, parseResourceHref, resourceHref } from '../../src/providers/icloud-photos/resource-href';
import { utiMediaType } from '../../src/providers/icloud-photos/uti-media-types';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const asset = (checksum: string, size: number, url = `https://cvws.icloud-content.com/B/${checksum}/\${f}?o=1`) => ({ type: 'ASSETID', value: { fileChecksum: checksum, size, wrappingKey: 'k', referenceChecksum: 'r', downloadURL: url } });

const master: CkRecord = {
  recordName: 'AZ3ttdX2Pl+ZzlYQ1FfN8B0N3HdK',
  recordType: 'CPLMaster',
  fields: {
    filenameEnc: { value: b64('IMG_0003.HEIC'), type: 'ENCRYPTED_BYTES' },
    resOriginalRes: asset('AQxa', 2_000_000),
    resOriginalFileType: { value: 'public.heic', type: 'STRING' },
    resOriginalVidComplRes: asset('AQvv', 3_000_000),
    resOriginalVidComplFileType: { value: 'com.apple.quicktime-movie', type: 'STRING' },
  },
};
const edited: CkRecord = {
  recordName: 'F3B6A7C1-0000-4000-8000-000000000003',
  recordType: 'CPLAsset',
  fields: {
    assetDate: { value: Date.UTC(2023, 6, 14, 10, 30), type: 'TIMESTAMP' },
    masterRef: { value: { recordName: master.recordName, action: 'DELETE_SELF' }, type: 'REFERENCE' },
    isHidden: { value: 0, type: 'INT64' },
    isDeleted: { value: 0, type: 'INT64' },
    adjustmentType: { value: 'com.apple.photo', type: 'STRING' },
    resJPEGFullRes: asset('AQed', 900_000),
    resJPEGFullFileType: { value: 'public.jpeg', type: 'STRING' },
  },
};

describe('CloudKit photo records', () => {
  it('reads a file name from ENCRYPTED_BYTES, and nothing from a field of another shape', () => {
    expect(base64TextField(master, 'filenameEnc')).toBe('IMG_0003.HEIC');
    expect(base64TextField({ recordName: 'x', fields: { filenameEnc: { value: '////', type: 'ENCRYPTED_BYTES' } } }, 'filenameEnc')).toBeNull();
    expect(base64TextField({ recordName: 'x', fields: { filenameEnc: 'IMG.JPG' } }, 'filenameEnc')).toBeNull();
    expect(resourceField({ recordName: 'x', fields: { resOriginalRes: asset('A', 1, 'javascript:alert(1)') } }, 'resOriginalRes')).toBeNull();
  });

  it('turns an edited Live Photo into its original, its video part and, when asked, its edited version', () => {
    const files = assetResources({ zone: 'PrimarySync', asset: assetFacts(edited)!, master: masterFacts(master), folder: 'Trips/Paris', editedVersions: true });
    expect(files.map(({ photo }) => [photo.name, photo.mime, photo.size, photo.etag, photo.folder])).toEqual([
      ['IMG_0003.HEIC', 'image/heic', 2_000_000, 'AQxa', 'Trips/Paris'],
      ['IMG_0003.MOV', 'video/quicktime', 3_000_000, 'AQvv', 'Trips/Paris'],
      ['IMG_0003-edited.JPG', 'image/jpeg', 900_000, 'AQed', 'Trips/Paris'],
    ]);
    expect(files.every(({ photo }) => photo.digests.length === 0 && photo.lastModified === '2023-07-14T10:30:00.000Z')).toBe(true);
    expect(files[0]!.address).toMatch(/^https:\/\/cvws\.icloud-content\.com\/B\/AQxa\//);
    const originalsOnly = assetResources({ zone: 'PrimarySync', asset: assetFacts(edited)!, master: masterFacts(master), folder: '', editedVersions: false });
    expect(originalsOnly.map(({ photo }) => photo.name)).toEqual(['IMG_0003.HEIC', 'IMG_0003.MOV']);
  });

  it('names a photo whose file name cannot be read after its record, and types it by its UTI', () => {
    const nameless = masterFacts({ ...master, fields: { ...master.fields, filenameEnc: { value: 42, type: 'ENCRYPTED_BYTES' } } });
    const [original] = assetResources({ zone: 'PrimarySync', asset: assetFacts(edited)!, master: nameless, folder: '', editedVersions: false });
    expect(original!.photo.name).toBe('F3B6A7C1-0000-4000-8000-000000000003.HEIC');
    expect(utiMediaType('com.example.unknown', 'CLIP.MP4')).toBe('video/mp4');
    expect(utiMediaType(null, 'NOTES')).toBe('application/octet-stream');
  });

  it('leaves out an asset that names no master', () => {
    expect(assetFacts({ ...edited, fields: { ...edited.fields, masterRef: { value: 'nope', type: 'REFERENCE' } } })).toBeNull();
  });
});

describe('hrefs and the cursor', () => {
  it('names each file stably by zone, asset and part, and reads the name back', () => {
    const name = { zone: 'SharedSync-1A2B', asset: 'AZ3t+/=', part: 'live' as const };
    expect(parseResourceHref(resourceHref(name))).toEqual(name);
    expect(assetHrefs('PrimarySync', 'A1').map(parseResourceHref).map((n) => n?.part)).toEqual(['original', 'live', 'edited']);
    expect(parseResourceHref('https://www.icloud.com/photos/PrimarySync/A1/thumbnail')).toBeNull();
    expect(parseResourceHref('https://example.org/photos/PrimarySync/A1/original')).toBeNull();
  });

  it('keeps each zone token, and reads anything else as no cursor', () => {
    const cursor = { zones: { PrimarySync: 'AAA=', 'SharedSync-1': 'BBB=' } };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    for (const junk of [null, '', 'not json', '{"v":2,"zones":{"PrimarySync":"A"}}', '{"v":1,"zones":{}}', '{"v":1,"zones":{"PrimarySync":7}}', '{"v":1,"zones":[]}']) {
      expect(decodeCursor(junk)).toBeNull();
    }
  });
});
