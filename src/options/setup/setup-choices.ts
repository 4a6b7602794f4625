// The services the setup offers as tiles: the common ones by name, then any other server.
// A server-and-password service points at its preset (providers.ts); Google and Microsoft use
// their sign-in windows instead.
import type { MessageKey } from '../../shared/i18n';

interface Named {
  id: string;
  /** A brand's own name, never translated; empty for the generic entry. */
  name: string;
  /** The generic entry's name, in words. */
  nameKey?: MessageKey;
  /** A line under the name: which products the brand covers. */
  detailKey?: MessageKey;
}

export type SetupChoice = Named & ({ kind: 'dav'; presetId: string } | { kind: 'sign-in'; provider: 'google' | 'microsoft' });

export const SETUP_CHOICES: SetupChoice[] = [
  { id: 'icloud', name: 'iCloud', kind: 'dav', presetId: 'icloud' },
  { id: 'google', name: 'Google', kind: 'sign-in', provider: 'google' },
  { id: 'microsoft', name: 'Microsoft', detailKey: 'setupMicrosoftDetail', kind: 'sign-in', provider: 'microsoft' },
  { id: 'fastmail', name: 'Fastmail', kind: 'dav', presetId: 'fastmail' },
  { id: 'nextcloud', name: 'Nextcloud', kind: 'dav', presetId: 'nextcloud' },
  { id: 'yahoo', name: 'Yahoo', kind: 'dav', presetId: 'yahoo' },
  { id: 'other', name: '', nameKey: 'setupAnotherServer', kind: 'dav', presetId: 'other' },
];
