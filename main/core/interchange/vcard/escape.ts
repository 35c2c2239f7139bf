/** vCard text escaping (RFC 6350 §3.4) and parameter quoting (RFC 6868). */

/**
 * Reverses `\\`, `\;`, `\:`, `\,` and `\n`/`\N` in one pass, so `\\n` stays a backslash + n.
 * `\:` is not in the RFCs but several exporters write it.
 */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\;:,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/**
 * Splits on separators that are not escaped. ical.js only looks at the preceding character, so
 * it misreads `a\\;b` (a value ending in a backslash); we count the backslashes instead.
 */
export function splitUnescaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '\\') i++;
    else if (value[i] === separator) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}

/** Escapes text for a property value; line breaks of any style become `\n`. */
export function escapeText(value: string): string {
  return value.replace(/\r\n|\r|\n|[\\;,]/g, (c) => (c === '\\' || c === ';' || c === ',' ? `\\${c}` : '\\n'));
}

/** Joins components of a structured value (N, ADR, ORG); each component may hold several values. */
export function structured(components: Array<string | string[] | undefined>): string {
  return components.map((c) => (Array.isArray(c) ? c.map(escapeText).join(',') : escapeText(c ?? ''))).join(';');
}

/** A parameter value: RFC 6868 caret escapes, quoted when it holds `:`, `;` or `,`. */
export function paramValue(value: string): string {
  const escaped = value
    .replace(/\^/g, '^^')
    .replace(/"/g, "^'")
    .replace(/\r\n|\r|\n/g, '^n');
  return /[:;,\s]/.test(escaped) ? `"${escaped}"` : escaped;
}

/** URI values are not escaped except for backslashes, which our reader would otherwise unescape. */
export function escapeUri(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\r\n|\r|\n/g, '\\n');
}
