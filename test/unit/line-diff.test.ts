import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { diffLines } from '../../src/history/line-diff';
import { unfoldLines } from '../../src/shared/unfold-content-lines';

describe('unfoldLines', () => {
  it('joins folded continuation lines and drops blank ones', () => {
    expect(unfoldLines('BEGIN:VCARD\r\nNOTE:a long\r\n  note\r\n\t continued\r\n\r\nEND:VCARD\r\n')).toEqual(['BEGIN:VCARD', 'NOTE:a long note continued', 'END:VCARD']);
  });
});

describe('diffLines', () => {
  it('marks one changed line as removed then added, keeping the rest', () => {
    expect(diffLines(['BEGIN', 'FN:Ann', 'TEL:1', 'END'], ['BEGIN', 'FN:Anne', 'TEL:1', 'END'])).toEqual([
      { change: 'same', text: 'BEGIN' },
      { change: 'removed', text: 'FN:Ann' },
      { change: 'added', text: 'FN:Anne' },
      { change: 'same', text: 'TEL:1' },
      { change: 'same', text: 'END' },
    ]);
  });

  it('shows added and removed lines in the middle of a text', () => {
    const changes = diffLines(['a', 'b', 'c', 'd'], ['a', 'c', 'x', 'd']).map((l) => `${l.change[0]}${l.text}`);
    expect(changes).toEqual(['sa', 'rb', 'sc', 'ax', 'sd']);
  });

  it('rebuilds both texts exactly, and keeps as many lines as the longest common subsequence allows', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 });
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const diff = diffLines(before, after);
        expect(diff.filter((l) => l.change !== 'added').map((l) => l.text)).toEqual(before);
        expect(diff.filter((l) => l.change !== 'removed').map((l) => l.text)).toEqual(after);
        // Never worse than "remove everything, add everything" minus the common prefix.
        expect(diff.length).toBeLessThanOrEqual(before.length + after.length);
      }),
    );
  });
});
