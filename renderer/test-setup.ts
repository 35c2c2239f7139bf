import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setDateLocale } from './ui/dates.ts';

// Dates read the same on every machine: the app's copy is British English.
setDateLocale('en-GB');

// Testing Library only cleans up by itself when test globals are on; they are off here. Drafts the
// forms keep in localStorage (the log dialog's, quick capture's) must not reach the next test.
afterEach(() => {
  cleanup();
  window.localStorage.clear();
});
