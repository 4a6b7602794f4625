// The in-memory drive behind the Graph drive test server: folders and files by id, a change
// sequence for delta, and each item as Graph serializes a driveItem
// (https://learn.microsoft.com/en-us/graph/api/resources/driveitem):
// - OneDrive personal states sha1Hash (upper-case hex, as the service writes it) and a cTag;
//   OneDrive for Business states only quickXorHash and leaves cTag out of delta answers
//   (https://learn.microsoft.com/en-us/graph/api/resources/hashes, and the Remarks of
//   https://learn.microsoft.com/en-us/graph/api/driveitem-delta);
// - a deleted item keeps only its id, parent and the `deleted` facet, plus its name on personal
//   drives and neither name nor size on business ones (same Remarks).
import { createHash } from 'node:crypto';
import { QuickXorHash } from '../../src/photos/quick-xor-hash';

export type DriveType = 'personal' | 'business';

export interface DriveNode {
  id: string;
  name: string;
  parent: string | null;
  folder: boolean;
  bytes: Uint8Array;
  mime: string;
  version: number;
  /** The change sequence number of the last change to this item. */
  seq: number;
  deleted: boolean;
  /** Leave @microsoft.graph.downloadUrl out, as Graph may. */
  noDownloadUrl: boolean;
}

export class DriveTree {
  readonly nodes = new Map<string, DriveNode>();
  seq = 0;
  private nextId = 1;

  constructor(readonly driveType: DriveType) {
    this.nodes.set('root', this.node('root', 'root', null, true));
  }

  private node(id: string, name: string, parent: string | null, folder: boolean): DriveNode {
    return { id, name, parent, folder, bytes: new Uint8Array(), mime: '', version: 1, seq: ++this.seq, deleted: false, noDownloadUrl: false };
  }

  child(parent: string, name: string): DriveNode | undefined {
    return [...this.nodes.values()].find((n) => !n.deleted && n.parent === parent && n.name.toLowerCase() === name.toLowerCase());
  }

  /** The live item at "Pictures/Camera Roll/IMG_1.jpg" ('' is the root). */
  find(path: string): DriveNode | undefined {
    let at: DriveNode | undefined = this.nodes.get('root');
    for (const name of path.split('/').filter(Boolean)) at = at && this.child(at.id, name);
    return at;
  }

  mkdir(path: string): DriveNode {
    let at = this.nodes.get('root')!;
    for (const name of path.split('/').filter(Boolean)) {
      let next = this.child(at.id, name);
      if (!next) {
        next = this.node(`F${this.nextId++}`, name, at.id, true);
        this.nodes.set(next.id, next);
      }
      at = next;
    }
    return at;
  }

  putFile(path: string, bytes: Uint8Array, mime: string): DriveNode {
    const parts = path.split('/').filter(Boolean);
    const name = parts.pop()!;
    const parent = this.mkdir(parts.join('/'));
    const existing = this.child(parent.id, name);
    if (existing) {
      Object.assign(existing, { bytes, mime, version: existing.version + 1, seq: ++this.seq });
      return existing;
    }
    const created = { ...this.node(`I${this.nextId++}`, name, parent.id, false), bytes, mime };
    this.nodes.set(created.id, created);
    return created;
  }

  /**
   * Deletes a file, or a folder with everything in it. Only the item itself gets a new change
   * number: the documentation leaves open whether a folder's files are named one by one, so
   * the test server takes the harder answer and names only the folder.
   */
  remove(path: string): void {
    const node = this.find(path);
    if (!node) throw new Error(`no item at ${path}`);
    node.seq = ++this.seq;
    const drop = (n: DriveNode) => {
      n.deleted = true;
      for (const c of this.nodes.values()) if (c.parent === n.id && !c.deleted) drop(c);
    };
    drop(node);
  }

  /** Whether `id` is `root` or lies under it (deleted items by where they were). */
  within(root: string, id: string): boolean {
    for (let at: string | null = id; at !== null; at = this.nodes.get(at)?.parent ?? null) if (at === root) return true;
    return false;
  }

  /** The folders from `root` down to the parent of `id`, outermost first; none when `id` is not under `root`. */
  ancestors(root: string, id: string): DriveNode[] {
    const chain: DriveNode[] = [];
    if (id === root) return chain;
    for (let at = this.nodes.get(id)?.parent ?? null; at !== null; at = this.nodes.get(at)?.parent ?? null) {
      chain.unshift(this.nodes.get(at)!);
      if (at === root) return chain;
    }
    return [];
  }

  hashes(node: DriveNode): Record<string, string> {
    if (this.driveType === 'business') return { quickXorHash: new QuickXorHash().update(node.bytes).digestBase64() };
    return { sha1Hash: createHash('sha1').update(node.bytes).digest('hex').toUpperCase() };
  }

  /** The item as a GET or a delta page serializes it. */
  json(node: DriveNode, downloadUrl: (node: DriveNode) => string, inDelta: boolean): Record<string, unknown> {
    const parentReference = node.parent ? { id: node.parent, driveId: 'drive-1', driveType: this.driveType } : { driveId: 'drive-1', driveType: this.driveType };
    if (node.deleted) {
      const facet = node.folder ? { folder: {} } : { file: {} };
      return { id: node.id, ...(this.driveType === 'personal' ? { name: node.name } : {}), parentReference, deleted: {}, ...facet };
    }
    const tags = { eTag: `"{${node.id}},${node.version}"`, ...(inDelta && this.driveType === 'business' ? {} : { cTag: `"c:{${node.id}},${node.version}"` }) };
    const base = { id: node.id, name: node.name, ...tags, lastModifiedDateTime: new Date(Date.UTC(2025, 0, 1) + node.seq * 1000).toISOString(), parentReference };
    if (node.folder) return { ...base, folder: { childCount: [...this.nodes.values()].filter((c) => c.parent === node.id && !c.deleted).length }, ...(node.id === 'root' ? { root: {} } : {}) };
    return {
      ...base,
      size: node.bytes.byteLength,
      file: { mimeType: node.mime, hashes: this.hashes(node) },
      ...(node.noDownloadUrl ? {} : { '@microsoft.graph.downloadUrl': downloadUrl(node) }),
    };
  }
}
