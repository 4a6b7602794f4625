// The per-origin request limit: never more than `limit` at once per origin, first come first
// served, other origins unaffected, slots freed on failure, and one limit shared by every
// source of the worker.
import { describe, expect, it } from 'vitest';
import { createDavSource } from '../../src/providers/dav/dav-source';
import { HostLimiter, hostKey, sharedHostLimiter } from '../../src/http/host-limiter';
import type { RemoteCollection } from '../../src/model/source';

/** A task that runs until `open()` is called, recording when it started. */
function gate(started: string[], name: string) {
  let open!: () => void;
  const done = new Promise<void>((resolve) => (open = resolve));
  return { task: () => (started.push(name), done), open: () => open() };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('HostLimiter', () => {
  it('runs at most `limit` tasks per origin and starts the rest in arrival order', async () => {
    const limiter = new HostLimiter(2);
    const started: string[] = [];
    const gates = ['a', 'b', 'c', 'd'].map((name) => gate(started, name));
    const runs = gates.map((g) => limiter.run('https://h.example', g.task));
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(limiter.active('https://h.example')).toBe(2);
    gates[1]!.open();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    gates[0]!.open();
    gates[2]!.open();
    gates[3]!.open();
    await Promise.all(runs);
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    expect(limiter.active('https://h.example')).toBe(0);
  });

  it('limits each origin on its own', async () => {
    const limiter = new HostLimiter(1);
    const started: string[] = [];
    const one = gate(started, 'one');
    const other = gate(started, 'other');
    const runs = [limiter.run('https://a.example', one.task), limiter.run('https://b.example', other.task)];
    await tick();
    expect(started).toEqual(['one', 'other']);
    one.open();
    other.open();
    await Promise.all(runs);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new HostLimiter(1);
    await expect(limiter.run('k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run('k', () => Promise.resolve(42))).resolves.toBe(42);
    expect(limiter.active('k')).toBe(0);
  });

  it('keys by origin: scheme, host and port', () => {
    expect(hostKey('https://dav.example.com/a/b?c')).toBe('https://dav.example.com');
    expect(hostKey('http://127.0.0.1:5232/x')).toBe('http://127.0.0.1:5232');
  });
});

describe('the limiter every DAV source shares', () => {
  it('holds requests of two sources for one host to 4 at once', async () => {
    expect(sharedHostLimiter.limit).toBe(4);
    let inFlight = 0;
    let most = 0;
    const slowFetch: typeof fetch = async () => {
      most = Math.max(most, ++inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return new Response('<multistatus xmlns="DAV:"/>', { status: 207 });
    };
    const book: RemoteCollection = { href: 'https://shared.example/c/', kind: 'addressbook', displayName: 'C', supportsSyncCollection: false };
    const sources = [1, 2].map(() =>
      createDavSource({ serverUrl: 'https://shared.example/', username: 'u', password: 'p', fetch: slowFetch }, 'addressbook'),
    );
    // Each listChanges is one PROPFIND; twelve at once from two sources.
    await Promise.all(sources.flatMap((s) => Array.from({ length: 6 }, () => s.listChanges(book, {}))));
    expect(most).toBe(4);
  });
});
