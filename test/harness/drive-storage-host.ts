// The storage host of the Graph drive test server: where pre-authenticated download addresses
// lead, on its own loopback port (another origin than Graph, as files.1drv.com is), following
// https://learn.microsoft.com/en-us/graph/api/driveitem-get-content:
// - the address is its own credential: a request that carries an Authorization header is
//   refused (400), so a client that leaks its Graph token here fails the test;
// - addresses are valid for a short time: after `expireAddresses()` the old ones answer 403;
// - Range (`bytes=N-`, `bytes=N-M`) answers 206 with Content-Range, beyond the end 416;
// - `throttle(n)`: the next n requests answer 503 with Retry-After: 1;
// - `fault(name, …)`: the next download of that file is damaged (a byte flipped) or cut off
//   after some bytes while its Content-Length promised them all.
import { createServer, type Server } from 'node:http';
import { LOOPBACK, listenOnLoopback } from './free-port';
import type { DriveNode, DriveTree } from './drive-tree';
import { answerRange } from './byte-range';

export type StorageFault = { kind: 'corrupt' } | { kind: 'cut'; after: number };

export interface StorageRequest {
  name: string;
  range: string | null;
  authorized: boolean;
  status: number;
}

export interface DriveStorageHost {
  origin: string;
  addressOf(node: DriveNode): string;
  expireAddresses(): void;
  throttle(requests: number): void;
  fault(name: string, fault: StorageFault): void;
  log: StorageRequest[];
  stop(): Promise<void>;
}

export async function startDriveStorageHost(tree: DriveTree): Promise<DriveStorageHost> {
  let generation = 1;
  let throttled = 0;
  const faults = new Map<string, StorageFault>();
  const log: StorageRequest[] = [];

  const server: Server = createServer((req, res) => {
    const match = /^\/dl\/([^/]+)\/(\d+)\/(\d+)$/.exec(new URL(req.url ?? '/', 'http://x').pathname);
    const node = match ? tree.nodes.get(match[1]!) : undefined;
    const range = req.headers.range ?? null;
    const answer = (status: number, headers: Record<string, string | number> = {}, body: Uint8Array | string = '') => {
      log.push({ name: node?.name ?? '?', range, authorized: req.headers.authorization !== undefined, status });
      res.writeHead(status, headers).end(body);
    };
    if (req.headers.authorization !== undefined) return answer(400, {}, 'This address takes no Authorization header');
    if (!match || !node || node.deleted || Number(match[2]) !== node.version) return answer(404);
    if (Number(match[3]) < generation) return answer(403, {}, 'This address has expired');
    if (throttled > 0) return (throttled--, answer(503, { 'Retry-After': '1' }));
    const part = answerRange(range, node.bytes);
    if (part.status === 416) return answer(416, part.headers);
    let body = part.body;
    const headers = { 'Content-Type': node.mime, ...part.headers };
    const fault = faults.get(node.name);
    faults.delete(node.name);
    if (fault?.kind === 'corrupt') {
      body = Uint8Array.from(body);
      body[body.length >> 1]! ^= 0xff;
    }
    if (fault?.kind === 'cut') {
      log.push({ name: node.name, range, authorized: false, status: part.status });
      res.writeHead(part.status, headers);
      res.write(body.subarray(0, fault.after), () => res.destroy());
      return;
    }
    answer(part.status, headers, body);
  });
  const origin = `http://${LOOPBACK}:${await listenOnLoopback(server)}`;
  return {
    origin,
    addressOf: (node) => `${origin}/dl/${node.id}/${node.version}/${generation}`,
    expireAddresses: () => void generation++,
    throttle: (requests) => void (throttled = requests),
    fault: (name, fault) => void faults.set(name, fault),
    log,
    stop: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
