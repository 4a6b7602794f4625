// Firefox's MV3 differs from Chrome's in a few keys: an event page (`background.scripts`)
// instead of a service worker, a gecko id, and no `offscreen` API (its event page can make
// blob URLs itself). https://extensionworkshop.com/documentation/develop/manifest-v3-migration-guide/
// The oldest Firefox is the current ESR (140, Debian 12's firefox-esr): nothing used here is newer.
// Firefox for Android reads `data_collection_permissions` only from 142: `gecko_android` asks
// for that there, while desktop ESR 140 already reads it.
export const GECKO_ID = 'lifeboat@lifeboat.invalid';
export const FIREFOX_MIN_VERSION = '140.0';
export const FIREFOX_ANDROID_MIN_VERSION = '142.0';

type Manifest = { permissions?: string[]; background?: unknown; [key: string]: unknown };

export function firefoxManifest<M extends Manifest>(chrome: M): Manifest {
  const { minimum_chrome_version: _chromeOnly, ...rest } = chrome;
  return {
    ...rest,
    background: { scripts: ['src/background/index.ts'], type: 'module' },
    permissions: (chrome.permissions ?? []).filter((p) => p !== 'offscreen'),
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: FIREFOX_MIN_VERSION,
        data_collection_permissions: { required: ['none'] },
      },
      gecko_android: { strict_min_version: FIREFOX_ANDROID_MIN_VERSION },
    },
  };
}
