// storage.local and storage.session as the extension sees them through webextension-polyfill,
// held in memory for unit tests (`vi.mock('../../src/shared/browser', …)`). Values are copied in
// and out as JSON, as the browser serializes them. `stopAfterWrites` simulates a worker stopped
// by the browser in the middle of a sequence of writes.

type Items = Record<string, unknown>;

export class FakeArea {
  readonly items = new Map<string, string>();
  /** Writes (set, remove or clear) allowed before every further one throws; null: no limit. */
  stopAfterWrites: number | null = null;
  /** How many times everything was cleared (Chromium then starts a new database on disk). */
  clears = 0;
  /** Called once, right after the next read of everything: to race another write against it. */
  onReadAll: (() => void) | null = null;

  /** Like the browser, a write that fails rejects and changes nothing. */
  private writing(change: () => void): Promise<void> {
    if (this.stopAfterWrites !== null) {
      if (this.stopAfterWrites <= 0) return Promise.reject(new Error('worker stopped'));
      this.stopAfterWrites -= 1;
    }
    change();
    return Promise.resolve();
  }

  get(keys?: string | string[] | null): Promise<Items> {
    const wanted = keys === null || keys === undefined ? [...this.items.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Items = {};
    for (const key of wanted) {
      const value = this.items.get(key);
      if (value !== undefined) out[key] = JSON.parse(value) as unknown;
    }
    if (keys === null && this.onReadAll) {
      const hook = this.onReadAll;
      this.onReadAll = null;
      hook();
    }
    return Promise.resolve(out);
  }

  set(items: Items): Promise<void> {
    return this.writing(() => {
      for (const [key, value] of Object.entries(items)) this.items.set(key, JSON.stringify(value));
    });
  }

  remove(keys: string | string[]): Promise<void> {
    return this.writing(() => {
      for (const key of typeof keys === 'string' ? [keys] : keys) this.items.delete(key);
    });
  }

  clear(): Promise<void> {
    return this.writing(() => {
      this.items.clear();
      this.clears += 1;
    });
  }

  /** Everything stored, as the bytes a browser would write to disk. */
  dump(): string {
    return [...this.items].map(([key, value]) => `${key}=${value}`).join('\n');
  }
}

export const fakeStorage = { local: new FakeArea(), session: new FakeArea() };

/** What `src/shared/browser` exports, with only the storage areas. */
export function fakeBrowserModule() {
  return { browser: { storage: { ...fakeStorage, onChanged: { addListener() {}, removeListener() {} } } } };
}

/** A fresh start: both areas empty, no simulated stop. */
export function resetFakeStorage(): void {
  for (const area of [fakeStorage.local, fakeStorage.session]) {
    area.items.clear();
    area.stopAfterWrites = null;
    area.clears = 0;
    area.onReadAll = null;
  }
}

/** The browser closed and opened again: storage.session is gone, storage.local stays. */
export function restartBrowser(): void {
  fakeStorage.session.items.clear();
}
