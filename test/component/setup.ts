// Component tests: every render is removed after its test, so the next one starts from an
// empty page (@testing-library/preact's cleanup), and the page's address starts empty.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/preact';

afterEach(() => {
  cleanup();
  location.hash = '';
});
