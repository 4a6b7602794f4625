// Temp folders for servers: removed by stop(), or at process exit if stop() never ran.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackDir, untrackDir } from './child-registry';

export interface TempDir {
  path: string;
  /** Removes the folder, unless it is to be kept for inspection. */
  remove: () => Promise<void>;
}

export async function makeTempDir(prefix: string, keep = false): Promise<TempDir> {
  const path = await mkdtemp(join(tmpdir(), prefix));
  if (!keep) trackDir(path);
  return {
    path,
    remove: async () => {
      if (keep) return;
      await rm(path, { recursive: true, force: true });
      untrackDir(path);
    },
  };
}
