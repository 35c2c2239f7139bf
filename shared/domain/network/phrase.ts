/**
 * Free text a person typed ("Two backend engineers for a growing team.") as a phrase that reads
 * inside a sentence ("two backend engineers for a growing team"): the end punctuation goes, and a
 * capital first letter is lowered only for ordinary opening words (articles, numbers, "anything",
 * "help"…), so names ("Rust", "Berlin") and acronyms ("UX") keep theirs. Several sentences are
 * left as written.
 */
const ORDINARY_START = new Set(
  `a an the one two three four five some any more new help advice feedback intros introductions
  introduction people someone anyone anything everything ideas tips contacts leads clients customers
  funding investors hiring finding getting learning mentoring mentors mentor coaching work jobs job
  roles role opportunities referrals questions time support my our their`.split(/\s+/),
);

export function asPhrase(text: string): string {
  const trimmed = text.trim().replace(/[\s.!;,]+$/, '');
  if (/[.!?]\s/.test(trimmed)) return trimmed;
  const first = /^\p{L}+/u.exec(trimmed)?.[0] ?? '';
  return /^\p{Lu}\p{Ll}*$/u.test(first) && ORDINARY_START.has(first.toLocaleLowerCase())
    ? `${trimmed[0]!.toLocaleLowerCase()}${trimmed.slice(1)}`
    : trimmed;
}
