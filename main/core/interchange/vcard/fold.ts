/**
 * Line folding (RFC 6350 §3.2): lines of at most 75 octets, continued with CRLF + one space.
 * Splits only between code points, so a UTF-8 sequence is never cut in half.
 */
const LIMIT = 75;

function octets(codePoint: string): number {
  const cp = codePoint.codePointAt(0) ?? 0;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/** UTF-8 length without allocating: encoding every line cost a third of a 10k-person export. */
function utf8Length(line: string): number {
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    // A surrogate pair is 4 octets: 2 + 2 for its two halves.
    n += c < 0x80 ? 1 : c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 2 : 3;
    if (n > LIMIT) return n;
  }
  return n;
}

export function foldLine(line: string): string {
  // Each UTF-16 unit is at most 3 octets, so short lines need no counting.
  if (line.length * 3 <= LIMIT || utf8Length(line) <= LIMIT) return line;
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
