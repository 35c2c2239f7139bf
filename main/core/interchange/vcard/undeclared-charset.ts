/**
 * Text in 2.1/3.0 cards that is not valid UTF-8 and declares no CHARSET. Old phones write the
 * name undeclared in the system code page even when another property of the same card says
 * `CHARSET=Windows-1251`; so that declaration is used first, and otherwise one guess is made for
 * the whole file from all of its undeclared text (more text, a better guess). Whatever was
 * assumed is reported once per file, so the preview can show it.
 */
import { guessLegacyCharset } from '../charset.ts';
import { binaryToBytes, decoderFor, isAscii, isUtf8 } from '../decode.ts';
import type { ImportProblem } from '../types.ts';
import { headOf, unfold, valueColon, type RawCard } from './lines.ts';
import type { UndeclaredDecoder } from './parse-card.ts';
import { decodeQuotedPrintable } from './quoted-printable.ts';

const CHARSET_PARAM = /;\s*CHARSET\s*=\s*"?([^;:"]+)/i;
const QUOTED_PRINTABLE = /;\s*(ENCODING\s*=\s*)?QUOTED-PRINTABLE\s*(;|$)/i;

export class UndeclaredCharsets {
  private fileGuess: string | undefined;
  private readonly reported = new Map<string, ImportProblem>();
  private readonly binary: string;
  private readonly file: string;

  /** `binary` is the whole file (see decode.ts); it is only read if a guess is needed. */
  constructor(binary: string, file: string) {
    this.binary = binary;
    this.file = file;
  }

  /** The decoder for undeclared, non-UTF-8 text in `card`. */
  forCard(card: RawCard): UndeclaredDecoder {
    const hint = declaredLegacyCharset(card) ?? (card.agentOf ? declaredLegacyCharset(card.agentOf) : undefined);
    return (line) => (bytes) => {
      const charset = hint?.charset ?? this.guess();
      const key = `${hint ? 'declared' : 'guessed'} ${charset}`;
      if (!this.reported.has(key))
        this.reported.set(key, {
          file: this.file,
          line,
          severity: 'warning',
          message: hint
            ? `charset: assumed ${charset} for text that is not UTF-8 and declares no other charset, as line ${hint.line} of the same card declares (first on line ${line})`
            : `charset: guessed ${charset} for text that is not UTF-8 and declares no other charset (first on line ${line})`,
        });
      return new TextDecoder(charset).decode(bytes);
    };
  }

  /** One problem line per charset assumed. */
  problems(): ImportProblem[] {
    return [...this.reported.values()];
  }

  private guess(): string {
    this.fileGuess ??= guessLegacyCharset(undeclaredBytes(this.binary, this.file));
    return this.fileGuess;
  }
}

/** The first legacy (not UTF-8) charset a property of the card declares. */
function declaredLegacyCharset(card: RawCard): { charset: string; line: number } | undefined {
  for (const l of card.lines) {
    const declared = CHARSET_PARAM.exec(headOf(l.text))?.[1];
    const decoder = declared ? decoderFor(declared) : undefined;
    if (decoder && decoder.encoding !== 'utf-8') return { charset: decoder.encoding, line: l.line };
  }
  return undefined;
}

/** Every undeclared value of the file that is not UTF-8, one per line, as the detector's sample. */
function undeclaredBytes(binary: string, file: string): Uint8Array {
  const values: string[] = [];
  for (const { text } of unfold(binary, file).lines) {
    const head = headOf(text);
    // A declared UTF-8 that is not valid UTF-8 is legacy text too (decode.ts); any other is known.
    const declared = CHARSET_PARAM.exec(head)?.[1];
    if (declared && decoderFor(declared)?.encoding !== 'utf-8') continue;
    let value = text.slice(valueColon(text) + 1);
    if (QUOTED_PRINTABLE.test(head)) value = decodeQuotedPrintable(value);
    if (!isAscii(value) && !isUtf8(binaryToBytes(value))) values.push(value);
  }
  return binaryToBytes(values.join('\n'));
}
