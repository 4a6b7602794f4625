// Contact photos and thumbnails are typed by their bytes: an SVG declared as a JPEG is still
// markup, and markup is never handed to the page as a document.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/options/browse/sniff-image';
import { contactDetails } from '../../src/options/browse/contact-details';
import { makeJpeg } from '../harness/sample-photos';

const SVG = '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><circle r="4"/></svg>';
const bytes = (text: string) => new TextEncoder().encode(text);
const base64 = (data: Uint8Array) => Buffer.from(data).toString('base64');

describe('sniffImage', () => {
  it('knows raster images by their signatures, whatever they are declared as', () => {
    expect(sniffImage(makeJpeg(), 'image/svg+xml')).toBe('image/jpeg');
    expect(sniffImage(new Uint8Array(readFileSync('public/icons/icon-16.png')), 'image/jpeg')).toBe('image/png');
    expect(sniffImage(bytes('GIF89a\u0001\u0000'))).toBe('image/gif');
    expect(sniffImage(bytes('RIFF\u0000\u0000\u0000\u0000WEBPVP8 '))).toBe('image/webp');
  });

  it('calls anything that starts with markup markup, declared as a JPEG or not, with a BOM, white space or in UTF-16', () => {
    expect(sniffImage(bytes(SVG), 'image/jpeg')).toBe('markup');
    expect(sniffImage(bytes(`\ufeff \r\n\t${SVG}`), 'image/png')).toBe('markup');
    expect(sniffImage(new Uint8Array([0xff, 0xfe, 0x3c, 0x00]), 'image/jpeg')).toBe('markup');
    expect(sniffImage(bytes('<html><script>alert(1)</script>'), 'image/gif')).toBe('markup');
    expect(sniffImage(new Uint8Array([0x1f, 0x8b, 0x08, 0x00]), 'image/svg+xml')).toBe('markup');
  });

  it('refuses what it does not know, unless its declared type is SVG', () => {
    expect(sniffImage(bytes('hello'), 'image/jpeg')).toBeNull();
    expect(sniffImage(new Uint8Array(0), 'image/jpeg')).toBeNull();
    expect(sniffImage(bytes('hello'), 'image/svg+xml')).toBe('markup');
  });

  it('sees through a card that declares its SVG photo a JPEG', () => {
    const card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Mallory', `PHOTO;ENCODING=b;TYPE=JPEG:${base64(bytes(SVG))}`, 'END:VCARD', ''].join('\r\n');
    const photo = contactDetails(card).photo;
    expect(photo?.mediaType).toBe('image/jpeg');
    expect(sniffImage(Uint8Array.from(atob(photo!.base64), (c) => c.charCodeAt(0)), photo!.mediaType)).toBe('markup');
  });
});
