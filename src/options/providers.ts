// The server presets of the add-account form, as the password-server providers declare them
// (providers/<kind>/setup.ts, listed by providers/setup-registry.ts).
import { t, type MessageKey } from '../shared/i18n';
import type { ServerPreset } from '../model/provider-setup';
import { PROVIDER_SETUPS } from '../providers/setup-registry';

export type Provider = ServerPreset<MessageKey>;

export const PROVIDERS: Provider[] = PROVIDER_SETUPS.flatMap((setup) => setup.presets ?? []);

export function providerById(id: string): Provider {
  return PROVIDERS.find((p) => p.id === id) ?? PROVIDERS[0]!;
}

export function providerName(provider: Provider): string {
  return provider.nameKey ? t(provider.nameKey) : provider.name;
}
