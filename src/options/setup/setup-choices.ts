// The services the setup offers as tiles, as each provider declares them (its `tiles`,
// providers/<kind>/setup.ts): the common ones by name, then any other server. A tile with a
// preset opens the server-and-password form; the others open their provider's sign-in.
import type { AccountKind } from '../../model/account';
import type { SetupTile } from '../../model/provider-setup';
import type { MessageKey } from '../../shared/i18n';
import { PROVIDER_SETUPS } from '../../providers/setup-registry';

type Named = Omit<SetupTile<MessageKey>, 'order' | 'presetId'>;

export type SetupChoice = Named & ({ kind: 'server-form'; presetId: string } | { kind: 'sign-in'; provider: AccountKind });

export const SETUP_CHOICES: SetupChoice[] = PROVIDER_SETUPS.flatMap((setup) => (setup.tiles ?? []).map((tile) => ({ setup, tile })))
  .sort((a, b) => a.tile.order - b.tile.order)
  .map(({ setup, tile: { order: _order, presetId, ...named } }): SetupChoice =>
    presetId === undefined ? { ...named, kind: 'sign-in', provider: setup.kind } : { ...named, kind: 'server-form', presetId },
  );
