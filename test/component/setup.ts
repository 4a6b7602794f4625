// Component tests: every render is removed after its test, so the next one starts from an
// empty page (@testing-library/preact's cleanup), and the page's address starts empty.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';

// The pages load the data layer with a dynamic import after their first render
// (ui/use-account-summaries.ts, ui/call-through-db.ts). Loaded here first, so that such an
// import in a file's last test answers from the module cache instead of loading modules after
// the file's environment is torn down (Vitest's EnvironmentTeardownError).
await Promise.all([import('../../src/db/schema'), import('../../src/db/commands'), import('../../src/ui/watch-account-summaries')]);

afterEach(() => {
  cleanup();
  location.hash = '';
});
