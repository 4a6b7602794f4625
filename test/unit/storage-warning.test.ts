// The popup's storage warning waits until there is something to protect.
import { describe, expect, it } from 'vitest';
import { warnStorageMayBeCleared } from '../../src/ui/storage-warning';

const none = { contacts: 0, events: 0, tasks: 0, photos: 0 };

describe('the storage warning', () => {
  it('stays away with no account, or accounts that hold nothing yet', () => {
    expect(warnStorageMayBeCleared(false, [])).toBe(false);
    expect(warnStorageMayBeCleared(false, [none, none])).toBe(false);
  });

  it('shows once any account holds an item of any kind, and storage is not kept', () => {
    for (const kind of ['contacts', 'events', 'tasks', 'photos'] as const) {
      expect(warnStorageMayBeCleared(false, [none, { ...none, [kind]: 1 }])).toBe(true);
    }
  });

  it('stays away when the browser keeps the storage, or has not said yet', () => {
    expect(warnStorageMayBeCleared(true, [{ ...none, contacts: 5 }])).toBe(false);
    expect(warnStorageMayBeCleared(null, [{ ...none, contacts: 5 }])).toBe(false);
  });
});
