// What each command does. Thin: the work lives in sources/, sync/, db/ and exporters/.
import { openDb } from '../db/schema';
import { insertAccount } from '../db/accounts';
import type { NewCardDavAccount } from '../shared/rpc-contract';
import { createDavSource } from '../sources/dav/dav-source';
import type { Handlers } from './rpc-server';
import { savePassword } from './credentials';
import { syncAll, syncOne } from './sync-runner';
import { saveExport } from './save-export';

/** Finds the address books, or throws the server's refusal in plain words. */
async function discoverAddressBooks(account: NewCardDavAccount): Promise<string[]> {
  const source = createDavSource({ serverUrl: account.serverUrl, username: account.username, password: account.password }, 'addressbook');
  const collections = await source.listCollections();
  if (collections.length === 0) throw new Error('The server answered, but it has no address book for this user.');
  return collections.map((collection) => collection.displayName);
}

export const handlers: Handlers = {
  async testConnection(account) {
    return { addressBooks: await discoverAddressBooks(account) };
  },

  async addAccount(account) {
    const addressBooks = await discoverAddressBooks(account);
    const id = crypto.randomUUID();
    await savePassword(id, account.password);
    await insertAccount(
      openDb(),
      { id, kind: 'carddav', label: account.label.trim() || account.username, serverUrl: account.serverUrl, username: account.username },
      Date.now(),
    );
    // The first mirror runs on its own; its progress reaches the pages through the database.
    void syncOne(id);
    return { accountId: id, addressBooks };
  },

  async syncNow({ accountId }) {
    if (accountId) {
      await syncOne(accountId);
      return { runs: 1 };
    }
    return { runs: await syncAll() };
  },

  exportContacts: () => saveExport('contacts'),
};
