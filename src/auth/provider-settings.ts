// The advanced OAuth settings a person (or an organisation) sets in Options: their own client
// ID, and other endpoints where a service has them (Microsoft's national clouds). Kept in the
// extension's storage under each identity service's id; read by the pages (to ask for host
// permissions in the click) and the worker.
import { browser } from '../shared/browser';
import { providerWith, type OAuthProvider, type ProviderId, type ProviderSettings } from './oauth-providers';

const KEY = 'oauth-settings';

export type AllProviderSettings = Partial<Record<ProviderId, ProviderSettings>>;

export async function readProviderSettings(): Promise<AllProviderSettings> {
  return ((await browser.storage.local.get(KEY))[KEY] as AllProviderSettings | undefined) ?? {};
}

export async function writeProviderSettings(id: ProviderId, settings: ProviderSettings): Promise<void> {
  const all = await readProviderSettings();
  await browser.storage.local.set({ [KEY]: { ...all, [id]: { ...all[id], ...settings } } });
}

/** A provider's identity service with the person's settings applied. */
export async function configuredProvider(base: OAuthProvider): Promise<OAuthProvider> {
  return providerWith(base, (await readProviderSettings())[base.id]);
}
