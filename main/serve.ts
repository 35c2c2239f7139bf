#!/usr/bin/env node
/** Browser mode (./serve/start.ts), with the compile cache turned on before the rest loads. */
import './compile-cache.ts';

await import('./serve/start.ts');
