import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { setDateLocale } from './ui/dates.ts';

// Dates read the same on every machine: the app's copy is British English.
setDateLocale('en-GB');

// Testing Library only cleans up by itself when test globals are on; they are off here.
afterEach(() => cleanup());
