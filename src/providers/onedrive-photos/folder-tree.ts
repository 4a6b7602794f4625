// The folders a delta round has shown, by id, with their names and parents: what turns a file's
// parent id into its album ("2024/Holidays") and tells whether it lies under the mirrored folder
// at all. Delta pages carry no paths (parentReference.path is left out: "track items by id",
// https://learn.microsoft.com/en-us/graph/api/driveitem-delta#remarks), and a later round names
// only the folders on the way to what changed, so the tree is kept with the cursor.

/** Id → [name, parent id]. */
export type FolderEntries = Record<string, [string, string | null]>;

/** A chain longer than this is a loop in bad data, not a folder tree. */
const MAX_DEPTH = 256;

export class FolderTree {
  private readonly folders: Map<string, [string, string | null]>;

  constructor(entries: FolderEntries = {}) {
    this.folders = new Map(Object.entries(entries));
  }

  set(id: string, name: string, parent: string | null): void {
    this.folders.set(id, [name, parent]);
  }

  delete(id: string): void {
    this.folders.delete(id);
  }

  has(id: string): boolean {
    return this.folders.has(id);
  }

  /**
   * The path from `root` down to folder `id` ('' for the root itself), or null when `id` is not
   * under `root`. `unknownInside`: what a chain that reaches a folder never seen means (inside,
   * when the delta was asked of the folder itself, so everything it lists lies under it).
   */
  pathFrom(root: string, id: string | null | undefined, unknownInside: boolean): string | null {
    const names: string[] = [];
    for (let at = id ?? null, depth = 0; depth < MAX_DEPTH; depth++) {
      if (at === root) return names.reverse().join('/');
      const folder = at === null ? undefined : this.folders.get(at);
      if (!folder) return unknownInside ? names.reverse().join('/') : null;
      names.push(folder[0]);
      at = folder[1];
    }
    return null;
  }

  /** Whether folder `id` is `root` or lies under it. */
  within(root: string, id: string): boolean {
    return this.pathFrom(root, id, false) !== null;
  }

  entries(): FolderEntries {
    return Object.fromEntries(this.folders);
  }
}
