/**
 * A build step for the main bundle: Node's built-in modules are taken with
 * `process.getBuiltinModule` instead of ES module imports. An ES import of a built-in makes Node
 * build a facade that reads every export once, and some exports are lazy getters that load more
 * of Node: `node:fs`'s `ReadStream` loads the streams, `node:util`'s `TextDecoder` loads the
 * diff and colour code behind `assert`. That was module loading on every start of the app and of
 * browser mode, for code nothing at start uses.
 */
import { isBuiltin } from 'node:module';

/** `import <clause> from "<specifier>";` as rollup writes it, one per line. */
const IMPORT_LINE = /^import ([^;'"]+?) from (["'])([^"']+)\2;?[ \t]*$/gm;

/**
 * `code` with each default and named import of a built-in rewritten as a `const` taken from
 * `process.getBuiltinModule`. Namespace imports (`* as x`, whose object differs) and side-effect
 * imports stay as they are.
 */
export function rewriteBuiltinImports(code: string): string {
  return code.replace(IMPORT_LINE, (line, clause: string, _quote: string, specifier: string) => {
    if (!isBuiltin(specifier) || clause.includes('*')) return line;
    const named = /\{([^}]*)\}/.exec(clause);
    const defaultName = clause.replace(/\{[^}]*\}/, '').replace(',', '').trim();
    const from = `process.getBuiltinModule(${JSON.stringify(specifier)})`;
    const parts: string[] = [];
    if (defaultName) parts.push(`const ${defaultName} = ${from};`);
    if (named) {
      const bindings = named[1]!
        .split(',')
        .map((binding) => binding.trim())
        .filter(Boolean)
        .map((binding) => binding.replace(/\s+as\s+/, ': '));
      parts.push(`const { ${bindings.join(', ')} } = ${from};`);
    }
    return parts.join(' ');
  });
}

/** The rollup plugin: rewrites every chunk of the build it is added to. */
export const builtinImportsPlugin = {
  name: 'rapport-builtin-imports',
  // After electron-vite's own plugins, which add imports of `node:module` for their shims.
  enforce: 'post' as const,
  renderChunk: (code: string) => ({ code: rewriteBuiltinImports(code), map: null }),
};
