// Firefox's MV3 differs from Chrome's in a few keys: an event page (`background.scripts`)
// instead of a service worker, a gecko id, and no `offscreen` API (its event page can make
// blob URLs itself). https://extensionworkshop.com/documentation/develop/manifest-v3-migration-guide/
export const GECKO_ID = 'lifeboat@lifeboat.invalid';

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
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
