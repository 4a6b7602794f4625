// What the pages read from the providers' setups: the setup's tiles in their order, the server
// presets, the sign-in buttons and client ID fields, and the facts that used to be switches on
// the kind (restore targets, labels kept, photo libraries, accounts never synced).
import { describe, expect, it } from 'vitest';
import { PROVIDER_SETUPS, setupOf, signInSetups } from '../../src/providers/setup-registry';
import { hasServer } from '../../src/model/provider-setup';
import { SETUP_CHOICES } from '../../src/options/setup/setup-choices';

const kindsWhere = (test: (setup: (typeof PROVIDER_SETUPS)[number]) => boolean) => PROVIDER_SETUPS.filter(test).map((s) => s.kind).sort();

describe('the providers’ setups', () => {
  it('offer the setup’s tiles in order: a preset opens the server form, the rest their sign-in', () => {
    expect(SETUP_CHOICES.map((c) => c.id)).toEqual(['icloud', 'google', 'microsoft', 'fastmail', 'nextcloud', 'yahoo', 'other']);
    expect(SETUP_CHOICES.find((c) => c.id === 'google')).toMatchObject({ kind: 'sign-in', provider: 'google' });
    expect(SETUP_CHOICES.find((c) => c.id === 'icloud')).toMatchObject({ kind: 'server-form', presetId: 'icloud' });
  });

  it('give each sign-in button its service; OneDrive photos sign in with Microsoft’s client, asking for files only', () => {
    const buttons = signInSetups().filter((s) => s.signIn.buttonKey);
    expect(buttons.map((s) => s.kind)).toEqual(['google', 'microsoft']);
    const oneDrive = setupOf('onedrive-photos').signIn!.oauth;
    expect(oneDrive.id).toBe(setupOf('microsoft').signIn!.oauth.id);
    expect(oneDrive.scopes).toEqual(['offline_access', 'Files.Read']);
    expect(setupOf('google').signIn!.oauth.chromeIdentity).toBe(true);
    expect(setupOf('microsoft').signIn!.oauth.chromeIdentity).toBeUndefined();
  });

  it('say what used to be switches on the kind', () => {
    expect(kindsWhere((s) => s.canRestoreTo)).toEqual(['dav', 'google']);
    expect(kindsWhere((s) => !s.keepsContactLabels)).toEqual(['google']);
    expect(kindsWhere((s) => s.mirrors === 'photos')).toEqual(['icloud-photos', 'onedrive-photos', 'webdav-photos']);
    expect(kindsWhere((s) => !hasServer(s))).toEqual(['local']);
    expect(kindsWhere((s) => s.secret === 'sign-in')).toEqual(['google', 'microsoft', 'onedrive-photos']);
    // iCloud through icloud.com: the browser holds the session, Lifeboat stores nothing, yet it mirrors a server.
    expect(kindsWhere((s) => s.secret === 'browser-session')).toEqual(['icloud-photos', 'icloud-web']);
    expect(kindsWhere((s) => s.choosesCollections)).toEqual(['dav', 'google', 'icloud-web', 'microsoft']);
  });

  it('show a kind no provider declares like an import: nothing to run', () => {
    expect(hasServer(setupOf('from-a-later-version' as never))).toBe(false);
  });
});
