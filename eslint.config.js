// Lint rules: typescript-eslint's recommended type-aware set, plus the project's security
// rules (no innerHTML, no eval-like calls) that keep remote data from ever becoming markup or code.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['dist/', 'dist-*/', 'node_modules/', 'demo-output/', 'release/', 'bench/out/', 'test-output/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Never build markup from data; let Preact render text.' },
        { property: 'outerHTML', message: 'Never build markup from data; let Preact render text.' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML from data.' },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // One HTTP layer decides which origins get which credentials, redirects, retries and caps
    // (src/http/): nothing else calls fetch, directly, through globalThis/self/window or an
    // injected one, nor XMLHttpRequest. `no-restricted-syntax` repeats the selector above: a block's rule options
    // replace, not extend, the ones before it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/http/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Requests go through src/http/ (credentials, redirects, caps).' },
        { name: 'XMLHttpRequest', message: 'Requests go through src/http/ (credentials, redirects, caps).' },
      ],
      'no-restricted-syntax': [
        'error',
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No raw HTML from data.' },
        {
          selector: "MemberExpression[property.name='fetch'][object.name=/^(globalThis|self|window)$/]",
          message: 'Requests go through src/http/ (credentials, redirects, caps).',
        },
        {
          // An injected fetch (`ctx.fetch(…)`, `deps.fetch(…)`) would bypass the policy just the same.
          selector: "CallExpression[callee.type='MemberExpression'][callee.property.name='fetch']",
          message: 'Requests go through src/http/ (credentials, redirects, caps).',
        },
      ],
    },
  },
  {
    // Config files outside the TypeScript project (no type information to check them with).
    files: ['eslint.config.js', '.dependency-cruiser.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
