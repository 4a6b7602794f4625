// A loopback port nobody listens on right now. There is a small window between closing this
// probe and the server binding the port; server-process.ts retries when it loses that race.
import { createServer, type Server } from 'node:net';

export const LOOPBACK = '127.0.0.1';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, LOOPBACK, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('No free port'))));
    });
  });
}

/**
 * Starts an in-process test server on a free loopback port and returns the port. The server
 * does not keep the test process alive (unref): a test that forgets stop() still exits.
 */
export async function listenOnLoopback(server: Server): Promise<number> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, LOOPBACK, resolve);
  });
  server.unref();
  const address = server.address();
  return typeof address === 'object' && address !== null ? address.port : 0;
}
