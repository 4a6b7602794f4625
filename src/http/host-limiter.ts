// At most a few requests at once to one server, whoever sends them. Several accounts can live on
// one host (a family on one Nextcloud, iCloud's shards), and the sync runner syncs accounts in
// parallel: without a shared limit, each account's source would be polite on its own and the
// host would still see them all at once. RFC 9110 §9.3 sets no number; 4 keeps a small
// self-hosted server responsive and is below the 6 per host browsers allow themselves.

export const DEFAULT_REQUESTS_PER_HOST = 4;

interface HostQueue {
  active: number;
  waiting: Array<() => void>;
}

export class HostLimiter {
  readonly limit: number;
  private readonly hosts = new Map<string, HostQueue>();

  constructor(limit = DEFAULT_REQUESTS_PER_HOST) {
    this.limit = Math.max(1, Math.floor(limit));
  }

  /** Requests running now for `key` (an origin); for tests and diagnostics. */
  active(key: string): number {
    return this.hosts.get(key)?.active ?? 0;
  }

  /** Runs `task` once fewer than `limit` tasks for `key` are running; first come, first served. */
  async run<T>(key: string, task: () => Promise<T>): Promise<T> {
    await this.acquire(key);
    try {
      return await task();
    } finally {
      this.release(key);
    }
  }

  private acquire(key: string): Promise<void> {
    let queue = this.hosts.get(key);
    if (!queue) {
      queue = { active: 0, waiting: [] };
      this.hosts.set(key, queue);
    }
    if (queue.active < this.limit) {
      queue.active++;
      return Promise.resolve();
    }
    const waiting = queue.waiting;
    // The slot is handed over by release(), so `active` never drops below the limit in between.
    return new Promise((resolve) => waiting.push(resolve));
  }

  private release(key: string): void {
    const queue = this.hosts.get(key);
    if (!queue) return;
    const next = queue.waiting.shift();
    if (next) {
      next();
      return;
    }
    queue.active--;
    if (queue.active === 0) this.hosts.delete(key);
  }
}

/** The origin a URL's requests count against; the URL itself when it cannot be parsed. */
export function hostKey(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}

/**
 * One limiter for the whole service worker (module state lives as long as the worker), shared
 * by every DAV source it creates.
 */
export const sharedHostLimiter = new HostLimiter();
