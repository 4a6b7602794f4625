// Every kind of account, as the worker runs it (providers/<kind>/provider.ts). Adding a
// provider adds its line here and in setup-registry.ts (the pages' side). Only the worker and
// the tests import this file: it carries every source.
import type { AccountKind } from '../model/account';
import { t } from '../catalog/catalog-text';
import type { ProviderEngine } from './provider-engine';
import { davProvider } from './dav/provider';
import { googleProvider } from './google/provider';
import { microsoftProvider } from './microsoft/provider';
import { icsFeedProvider } from './ics-feed/provider';
import { webdavPhotosProvider } from './webdav-photos/provider';
import { oneDrivePhotosProvider } from './onedrive-photos/provider';
import { icloudWebProvider } from './icloud-web/provider';
import { icloudPhotosProvider } from './icloud-photos/provider';
import { localProvider } from './local/provider';

export const PROVIDER_ENGINES: readonly ProviderEngine[] = [
  davProvider,
  googleProvider,
  microsoftProvider,
  icsFeedProvider,
  webdavPhotosProvider,
  oneDrivePhotosProvider,
  icloudWebProvider,
  icloudPhotosProvider,
  localProvider,
];

export function providerOf(kind: AccountKind): ProviderEngine {
  const engine = PROVIDER_ENGINES.find((p) => p.setup.kind === kind);
  if (!engine) throw new Error(t('errorUnknownAccountKind', kind));
  return engine;
}
