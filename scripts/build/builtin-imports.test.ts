import { describe, expect, it } from 'vitest';
import { rewriteBuiltinImports } from './builtin-imports.ts';

describe('built-in imports of the main bundle', () => {
  it('takes default and named imports of built-ins from process.getBuiltinModule', () => {
    const chunk = [
      'import { readFileSync, existsSync } from "node:fs";',
      'import path, { join as join$1, sep } from "node:path";',
      'import zlib from "zlib";',
      'import { setTimeout as setTimeout$1 } from "node:timers/promises";',
      'const x = readFileSync(join$1(path.sep, sep));',
    ].join('\n');
    expect(rewriteBuiltinImports(chunk).split('\n')).toEqual([
      'const { readFileSync, existsSync } = process.getBuiltinModule("node:fs");',
      'const path = process.getBuiltinModule("node:path"); const { join: join$1, sep } = process.getBuiltinModule("node:path");',
      'const zlib = process.getBuiltinModule("zlib");',
      'const { setTimeout: setTimeout$1 } = process.getBuiltinModule("node:timers/promises");',
      'const x = readFileSync(join$1(path.sep, sep));',
    ]);
  });

  it('leaves packages, chunks, namespace and side-effect imports alone', () => {
    const chunk = [
      'import { app, dialog } from "electron";',
      'import { z } from "./app-B2NiDLRG.js";',
      'import * as fs from "node:fs";',
      'import "node:fs";',
      'const s = "import { a } from \\"node:fs\\";";',
    ].join('\n');
    expect(rewriteBuiltinImports(chunk)).toBe(chunk);
  });

  it('gives the same functions as the import it replaces', async () => {
    const { readFileSync } = await import('node:fs');
    const rewritten = rewriteBuiltinImports('import { readFileSync } from "node:fs";');
    const taken = new Function(`${rewritten}; return readFileSync;`)() as unknown;
    expect(taken).toBe(readFileSync);
  });
});
