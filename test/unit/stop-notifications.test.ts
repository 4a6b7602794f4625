import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AccountRecord } from '../../src/model/account';

const fake = vi.hoisted(() => {
  const stored = new Map<string, unknown>();
  const created: Array<{ id: string; title: string; message: string }> = [];
  const listeners: Array<(id: string) => void> = [];
  const opened: string[] = [];
  return { stored, created, listeners, opened };
});

vi.mock('../../src/shared/browser', async () => {
  const { browser: catalog } = await import('../support/catalog-browser');
  return {
    browser: {
      i18n: catalog.i18n,
      runtime: { getURL: (path: string) => `chrome-extension://x/${path}`, openOptionsPage: () => Promise.resolve(void fake.opened.push('options')) },
      storage: {
        local: {
          get: (key: string) => Promise.resolve(fake.stored.has(key) ? { [key]: fake.stored.get(key) } : {}),
          set: (values: Record<string, unknown>) => Promise.resolve(Object.entries(values).forEach(([k, v]) => fake.stored.set(k, v))),
        },
      },
      notifications: {
        create: (id: string, options: { title: string; message: string }) => Promise.resolve(void fake.created.push({ id, title: options.title, message: options.message })),
        clear: () => Promise.resolve(true),
        onClicked: { addListener: (listener: (id: string) => void) => fake.listeners.push(listener) },
      },
    },
  };
});

const { announceStops } = await import('../../src/background/stop-notifications');

function account(id: string, status: AccountRecord['status']): AccountRecord {
  return { id, label: `Account ${id}`, status } as AccountRecord;
}

const roomy = { usage: 10, quota: 100 };

describe('notifications for what stops backups', () => {
  beforeEach(() => {
    fake.stored.clear();
    fake.created.length = 0;
    fake.opened.length = 0;
  });

  it('announces a refused password and an expired sign-in with the popup’s sentences, once each', async () => {
    const accounts = [account('a', 'needs-password'), account('b', 'needs-sign-in'), account('c', 'idle')];
    await announceStops(accounts, roomy);
    expect(fake.created.map((n) => n.message)).toEqual([
      'Account a: the server refused the password. Syncing is paused.',
      'Account b: the sign-in has expired. Your copy is kept; syncing is paused.',
    ]);
    expect(fake.created[0]!.title).toBe('Lifeboat: backups have stopped');
    await announceStops(accounts, roomy);
    await announceStops(accounts, roomy);
    expect(fake.created).toHaveLength(2);
  });

  it('announces the same trouble again when it comes back after it ended', async () => {
    await announceStops([account('a', 'needs-password')], roomy);
    await announceStops([account('a', 'idle')], roomy);
    await announceStops([account('a', 'needs-password')], roomy);
    expect(fake.created).toHaveLength(2);
  });

  it('announces storage above 90% of the quota once, and not at 90% or below', async () => {
    await announceStops([], { usage: 90, quota: 100 });
    expect(fake.created).toHaveLength(0);
    await announceStops([], { usage: 95, quota: 100 });
    await announceStops([], { usage: 96, quota: 100 });
    expect(fake.created.map((n) => n.message)).toEqual(['Storage is nearly full: Lifeboat’s copy uses 95% of what this browser allows. New copies may fail.']);
  });

  it('opens the options page when one of its notifications is clicked, and ignores others', async () => {
    await announceStops([account('a', 'needs-sign-in')], roomy);
    expect(fake.listeners).toHaveLength(1);
    fake.listeners[0]!('lifeboat-alarm-7');
    await Promise.resolve();
    expect(fake.opened).toEqual([]);
    fake.listeners[0]!(fake.created[0]!.id);
    await vi.waitFor(() => expect(fake.opened).toEqual(['options']));
  });
});
