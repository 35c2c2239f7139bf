import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { stopRevealWatches } from './navigation/reveal.ts';
import { setDateLocale } from './ui/dates.ts';

// Dates read the same on every machine: the app's copy is British English.
setDateLocale('en-GB');

// Testing Library only cleans up by itself when test globals are on; they are off here. Drafts the
// forms keep in localStorage (the log dialog's, quick capture's) must not reach the next test, nor
// a search hit's reveal, which watches for up to 10 s and would ask the next test's timeline.
afterEach(() => {
  stopRevealWatches();
  cleanup();
  window.localStorage.clear();
});
