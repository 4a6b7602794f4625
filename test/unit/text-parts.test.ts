import { describe, expect, it } from 'vitest';
import { crlfAfterEach, withText } from '../../src/exporters/text-parts';

describe('export text parts', () => {
  it('gives each piece its CRLF in the same part: Chromium builds a Blob per part, so fewer parts are faster', () => {
    const parts = crlfAfterEach(['BEGIN:VCARD\r\nEND:VCARD', 'BEGIN:VCARD\r\nFN:B\r\nEND:VCARD']);
    expect(parts).toEqual(['BEGIN:VCARD\r\nEND:VCARD\r\n', 'BEGIN:VCARD\r\nFN:B\r\nEND:VCARD\r\n']);
  });

  it('joins the parts only when the text is read', () => {
    const built = withText({ parts: crlfAfterEach(['A', 'B']) }, 'parts');
    expect(built.text).toBe('A\r\nB\r\n');
    expect(Object.keys(built)).toEqual(['parts']);
  });
});
