// The one-way flow of docs/ARCHITECTURE.md, written down once and checked by `npm run lint`
// (`depcruise src`). Data goes server → providers/ → sync/ → db/ → pages; every layer shares the
// neutral shapes of model/. Type imports count (tsPreCompilationDeps): a type-only arrow against
// the flow still ties two layers together and is where the next value import follows.

/** The pages: what runs in the popup and the options page, never in the worker. */
const PAGES = '^src/(popup|options|ui)/';

/**
 * The options page's panels that work on a file the person picked (a backup, a .vcf, an .ics, a
 * Google Takeout zip): the File exists only in the page, and a runtime message cannot carry it to
 * the worker, so importing and verifying run there, through restore/, archive/, photos/takeout/
 * and the item readers. Nothing else of the engine, and no page besides these.
 */
const FILE_PANELS = '^src/options/(import-panel|takeout-panel|backup-panel)[.]tsx$';

/**
 * The client IDs a person may set for an identity service, and Google's scopes, which the build
 * reads too (auth/): plain data and storage.local, no request. The options page shows and edits them, the worker signs in with them.
 */
const PROVIDER_SETTINGS = '^src/auth/(oauth-providers|provider-settings|google-scopes)[.]ts$';

/**
 * The pages' half of each provider (model/provider-setup.ts): its setup.ts (kind, form, presets,
 * what it mirrors, what secret it needs), the identity service it signs in to (oauth.ts),
 * and setup-registry.ts that lists them. Plain data: the pages may import these and nothing else
 * of providers/; the worker's half (provider.ts, registry.ts) carries the sources.
 */
const PROVIDER_SETUPS = '^src/providers/(setup-registry|[^/]+/(setup|oauth))[.]ts$';

/**
 * The icloud.com session helpers of providers/icloud-web/ (validate, one session per run, the JSON
 * call, iCloud's refusals, answer shapes for diagnostics, the client parameters), which
 * icloud-photos/ shares; never icloud-web's item sources.
 */
const ICLOUD_SESSION_HELPERS = '^src/providers/icloud-web/(answer-shape|client-params|icloud-errors|icloud-json|session-once|web-session)[.]ts$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment:
        'A cycle makes two modules one: neither can be read, tested or moved alone, and the order ' +
        'in which their top-level code runs depends on which one is imported first.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'model-imports-nothing',
      comment:
        'model/ holds the shapes every layer agrees on (accounts, collections, items, photos, runs, ' +
        'cursors, alarms, settings). Importing anything would make every layer depend on that too.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { pathNot: '^src/model/' },
    },
    {
      name: 'catalog-imports-only-the-catalog',
      comment:
        'catalog/ reads the English message catalog so that the refusals of every layer (http/ ' +
        'included) are catalog sentences outside the pages too; every layer may import it, so it ' +
        'imports nothing but that file.',
      severity: 'error',
      from: { path: '^src/catalog/' },
      to: { pathNot: ['^src/catalog/', '^public/_locales/en/messages\\.json$'] },
    },
    {
      name: 'http-only-model',
      comment:
        'http/ is the one door to the network: credentials, redirects, retries, caps. It knows ' +
        'requests and answers, not contacts or calendars, so any source (and nothing else) can use it.',
      severity: 'error',
      from: { path: '^src/http/' },
      // The one unfolder, which imports nothing, repairs a fold inside a UTF-8 character before
      // the body is decoded (decode-body.ts): text rules, not knowledge of contacts or calendars.
      to: { path: '^src/', pathNot: '^src/(http|model|catalog)/|^src/shared/unfold-content-lines\\.ts$' },
    },
    {
      name: 'providers-not-downstream',
      comment:
        'A source turns a server into listings and items and nothing more: it never reads or writes ' +
        'the mirror (the engine hands it what it needs), never runs a sync, never draws a page, and ' +
        'knows nothing of what is made of the mirror later (backups, exports, restores).',
      severity: 'error',
      from: { path: '^src/providers/' },
      to: { path: ['^src/(db|sync|background|offscreen|archive|exporters|restore)/', PAGES] },
    },
    {
      name: 'sync-not-pages-or-worker',
      comment:
        'The engine runs in the worker but does not know it: no pages, no worker modules, so it runs ' +
        'the same under a test, a benchmark or another host.',
      severity: 'error',
      from: { path: '^src/sync/' },
      to: { path: ['^src/(background|offscreen)/', PAGES] },
    },
    {
      name: 'db-not-upstream',
      comment:
        'The database stores what the engine decided; it never calls the engine or a source. Shapes ' +
        'both sides need live in model/.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: ['^src/(sync|providers|http|background|offscreen)/', PAGES] },
    },
    {
      name: 'pages-only-their-layer',
      comment:
        'The popup and the options page show the mirror and send commands through the RPC contract. ' +
        'They read the database with live queries (db/, the drawn arrow db → pages), may use the pure ' +
        'text readers (cards/, calendars/, history/) to show an item, and nothing of the engine: a page ' +
        'that imports sync/ or providers/ bundles them, and runs their code outside the worker. The ' +
        'sign-in providers and their settings are data the options page shows and edits.',
      severity: 'error',
      from: { path: PAGES, pathNot: FILE_PANELS },
      to: {
        path: '^src/',
        pathNot: ['^src/(model|catalog|shared|ui|db|cards|calendars|history)/', '^src/$1/', PROVIDER_SETTINGS, PROVIDER_SETUPS],
      },
    },
    {
      name: 'provider-settings-stay-data',
      comment: 'Pages may import the providers\' setups and the sign-in settings only while those send no request.',
      severity: 'error',
      from: { path: [PROVIDER_SETTINGS, PROVIDER_SETUPS] },
      to: { path: '^src/', pathNot: ['^src/(model|shared)/', PROVIDER_SETTINGS, PROVIDER_SETUPS] },
    },
    {
      name: 'one-folder-per-provider',
      comment:
        'A provider lives in its own folder (providers/<kind>/) and is found there: it does not reach ' +
        'into another provider\'s, except for the helpers several share: the DAV client (Google\'s ' +
        'account and WebDAV photo folders speak DAV), Graph paging and Microsoft\'s identity service ' +
        '(OneDrive photos are Graph with a Microsoft sign-in), the ranged photo download with its ' +
        'media types and digests (OneDrive and iCloud photos download like WebDAV ones), and the ' +
        'icloud.com session with its JSON calls and refusals (iCloud Photos go through the same ' +
        'session as iCloud contacts and calendars).',
      severity: 'error',
      from: { path: '^src/providers/([^/]+)/' },
      to: {
        path: '^src/providers/[^/]+/',
        pathNot: [
          '^src/providers/$1/',
          '^src/providers/dav/',
          '^src/providers/microsoft/(graph-request|oauth)[.]ts$',
          '^src/providers/webdav-photos/(photo-get|presigned-get|watched-body|media-types|server-digests)[.]ts$',
          ICLOUD_SESSION_HELPERS,
        ],
      },
    },
    {
      name: 'icloud-session-helpers-only-for-icloud',
      comment:
        'The icloud.com session helpers are shared by the two iCloud folders only: iCloud Photos go ' +
        'through the same signed-in browser session as iCloud contacts and calendars.',
      severity: 'error',
      from: { path: '^src/providers/', pathNot: '^src/providers/icloud-(web|photos)/' },
      to: { path: ICLOUD_SESSION_HELPERS },
    },
    {
      name: 'registry-only-in-the-worker',
      comment:
        'registry.ts and each provider.ts carry every source: only the worker (and source-for-account.ts, ' +
        'its one door to them) imports them. Everyone else asks the plain setups (setup-registry.ts).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(background|providers)/' },
      to: { path: '^src/providers/(registry|source-for-account)[.]ts$|^src/providers/[^/]+/provider[.]ts$' },
    },
    {
      name: 'file-panels-only-local-work',
      comment:
        'The panels that read a picked file get the in-page import and verify code on top of what ' +
        'every page may use, and still nothing that talks to a server or runs a sync.',
      severity: 'error',
      from: { path: FILE_PANELS },
      to: {
        path: '^src/',
        pathNot: ['^src/(model|catalog|shared|ui|db|cards|calendars|history|options|restore|archive)/', '^src/photos/takeout/', '^src/sync/readers/', PROVIDER_SETTINGS, PROVIDER_SETUPS],
      },
    },
    {
      name: 'only-pages-import-pages',
      comment:
        'ui/, popup/ and options/ are Preact and the DOM: the worker has no DOM and must not bundle ' +
        'them. A sentence both sides show lives in shared/.',
      severity: 'error',
      from: { path: '^src/', pathNot: PAGES },
      to: { path: PAGES },
    },
    {
      name: 'nothing-imports-the-worker',
      comment:
        'background/ is the service worker: the manifest loads its entry, and nothing else may pull ' +
        'its listeners, timers and handlers into another bundle.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/background/' },
      to: { path: '^src/background/' },
    },
    {
      name: 'shared-only-model',
      comment:
        'shared/ is what pages and worker both load (the RPC contract, i18n, the browser object): ' +
        'whatever it imports lands in every bundle, the popup included.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: '^src/(shared|model)/' },
    },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    // Ambient declarations (env.d.ts, exifr-lite.d.ts) are no modules anyone imports.
    exclude: { path: '\\.d\\.ts$' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
  },
};
