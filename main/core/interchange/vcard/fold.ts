/**
 * Line folding (RFC 6350 §3.2): lines of at most 75 octets, continued with CRLF + one space.
 * Splits only between code points, so a UTF-8 sequence is never cut in half.
 */
const LIMIT = 75;
const encoder = new TextEncoder();

function octets(codePoint: string): number {
  const cp = codePoint.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

export function foldLine(line: string): string {
  if (encoder.encode(line).length <= LIMIT) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  // The first line may use all 75 octets; continuations spend one on the leading space.
  let budget = LIMIT;
  for (const ch of line) {
    const n = octets(ch);
    if (size + n > budget) {
      out.push(current);
      current = '';
      size = 0;
      budget = LIMIT - 1;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
}
