// Every kind of account, as the pages see it (plain data: model/provider-setup.ts). Adding a
// provider adds its line here and in registry.ts (the worker's side). The pages import this
// file and the providers' setup.ts files only, never a source.
import type { AccountKind } from '../model/account';
import type { MessageKey } from '../shared/i18n';
import type { ProviderSetup, SignInSetup } from '../model/provider-setup';
import { davSetup } from './dav/setup';
import { googleSetup } from './google/setup';
import { microsoftSetup } from './microsoft/setup';
import { icsFeedSetup } from './ics-feed/setup';
import { webdavPhotosSetup } from './webdav-photos/setup';
import { oneDrivePhotosSetup } from './onedrive-photos/setup';
import { icloudWebSetup } from './icloud-web/setup';
import { icloudPhotosSetup } from './icloud-photos/setup';
import { localSetup } from './local/setup';

export const PROVIDER_SETUPS: ReadonlyArray<ProviderSetup<MessageKey>> = [
  davSetup,
  googleSetup,
  microsoftSetup,
  icsFeedSetup,
  webdavPhotosSetup,
  oneDrivePhotosSetup,
  icloudWebSetup,
  icloudPhotosSetup,
  localSetup,
];

/** A kind no provider declares (a record written by a later version) is shown like a file import: nothing to run or choose. */
export const setupOf = (kind: AccountKind): ProviderSetup<MessageKey> => PROVIDER_SETUPS.find((s) => s.kind === kind) ?? localSetup;

/** The providers that sign in with an identity service and show a button for it. */
export type SignInProviderSetup = ProviderSetup<MessageKey> & { signIn: SignInSetup<MessageKey> };

/** The providers that sign in with an identity service. */
export const signInSetups = (): SignInProviderSetup[] => PROVIDER_SETUPS.filter((s): s is SignInProviderSetup => s.signIn !== undefined);
