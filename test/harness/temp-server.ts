// A server process that lives in its own temp folder: the folder goes when the server stops,
// or at once when it fails to start.
import { rm } from 'node:fs/promises';
import { makeTempDir } from './temp-dir';
import type { ServerProcess } from './server-process';

export async function inTempDir<T>(prefix: string, start: (dir: string) => Promise<T>): Promise<T> {
  const temp = await makeTempDir(prefix);
  try {
    return await start(temp.path);
  } catch (error) {
    await temp.remove();
    throw error;
  }
}

/** Stops the server, then removes its folder. */
export function stopAndClean(server: ServerProcess, dir: string): () => Promise<void> {
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
