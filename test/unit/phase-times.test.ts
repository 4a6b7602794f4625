import { afterEach, describe, expect, it } from 'vitest';
import { measurePhase, timedPhase } from '../../src/shared/phase-times';

const measures = (name: string) => performance.getEntriesByName(`lifeboat:${name}`, 'measure');

afterEach(() => performance.clearMeasures());

describe('phase times', () => {
  it('keeps only the latest measure of each phase, so exports never pile them up', () => {
    const start = performance.now();
    measurePhase('export-read', start);
    measurePhase('export-read', start);
    measurePhase('export-build', start);
    expect(measures('export-read')).toHaveLength(1);
    expect(measures('export-build')).toHaveLength(1);
  });

  it('measures a step that fails too, and passes its error on', async () => {
    await expect(timedPhase('file-built', () => Promise.reject(new Error('no room')))).rejects.toThrow('no room');
    expect(measures('file-built')).toHaveLength(1);
  });

  it('returns what the step resolved to', async () => {
    await expect(timedPhase('download-started', () => Promise.resolve(7))).resolves.toBe(7);
    expect(measures('download-started')).toHaveLength(1);
  });
});
