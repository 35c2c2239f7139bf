import { ImageUp } from 'lucide-react';
import { useEffect, useRef, useState, type DragEvent } from 'react';
import type { CardDraft } from '../../../shared/domain/cards/card-draft.ts';
import type { CardProgress, CardSource } from '../../../shared/ipc/channels/cards.ts';
import { rapport } from '../../api/rapport.ts';
import { fileSource } from '../backup/files.ts';
import { CardImageError, toReadablePng } from './card-image.ts';
import './cards.css';

export interface CardRead {
  draft: CardDraft;
  source: CardSource;
  /** The QR code's contents or the OCR text, for the user to compare with the fields. */
  text: string;
  fileName: string;
}

export interface CardReaderProps {
  /** Called with what was read, for a form to show for review; nothing is saved here. */
  onDraft: (read: CardRead) => void;
  /** Focus the Choose button when shown (a dialog that opens on the reader). */
  autoFocus?: boolean;
}

const PHASES: Record<CardProgress['phase'], string> = {
  'looking-for-qr': 'Looking for a QR code…',
  'loading-ocr': 'Starting text recognition…',
  'reading-text': 'Reading the text on the card…',
};

type State =
  | { step: 'idle' }
  | { step: 'reading'; readId: string; fileName: string; progress: CardProgress | null }
  | { step: 'failed'; message: string };

const newReadId = () => `card-${crypto.randomUUID()}`;

/**
 * Reads a business card from a photo or screenshot (chosen, dropped or pasted): a QR code (a
 * vCard or a profile address) or the printed text, read on this device. Shows progress with
 * Cancel, and hands the result to `onDraft` for review.
 */
export function CardReader({ onDraft, autoFocus }: CardReaderProps) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      rapport().on('cards.progress', (progress) =>
        setState((s) => (s.step === 'reading' && s.readId === progress.readId ? { ...s, progress } : s)),
      ),
    [],
  );
  // A reader that goes away (the dialog closed) stops its read.
  useEffect(
    () => () => {
      if (current.current) void rapport().cards.cancelRead({ readId: current.current });
    },
    [],
  );

  async function read(file: Blob, name: string) {
    if (current.current) return;
    const readId = newReadId();
    current.current = readId;
    setState({ step: 'reading', readId, fileName: name, progress: null });
    try {
      const png = await toReadablePng(file, name);
      const source = await fileSource(png);
      if (!source.ok) return setState({ step: 'failed', message: source.error.message });
      const result = await rapport().cards.read({ readId, fileName: name, ...source.value });
      if (!result.ok) return setState({ step: 'failed', message: result.error.message });
      if (result.value.outcome === 'cancelled') return setState({ step: 'idle' });
      const { draft, source: from, text } = result.value;
      if (!Object.values(draft).some(Boolean)) {
        return setState({
          step: 'failed',
          message: `No card details were found in ${name}. Try a sharper photo, taken straight on, with the card filling the frame.`,
        });
      }
      setState({ step: 'idle' });
      onDraft({ draft, source: from, text, fileName: name });
    } catch (error) {
      setState({
        step: 'failed',
        message: error instanceof CardImageError ? error.message : `${name} could not be read.`,
      });
    } finally {
      current.current = null;
    }
  }

  const readFirstImage = (files: FileList | null | undefined) => {
    const file = [...(files ?? [])].find((f) => f.type.startsWith('image/')) ?? files?.[0];
    if (file) void read(file, file.name || 'pasted image');
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    readFirstImage(event.dataTransfer.files);
  };
  // An image pasted anywhere while the reader is shown is read; pasted text goes where it always does.
  const latestRead = useRef(read);
  useEffect(() => {
    latestRead.current = read;
  });
  useEffect(() => {
    const onPaste = (event: ClipboardEvent) => {
      const items = [...(event.clipboardData?.items ?? [])];
      const image = items.find((item) => item.type.startsWith('image/'))?.getAsFile();
      if (!image) return;
      event.preventDefault();
      void latestRead.current(image, 'pasted image');
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, []);

  const reading = state.step === 'reading' ? state : null;
  const percent = reading?.progress ? Math.round(reading.progress.progress * 100) : undefined;
  return (
    <section
      className={`card-reader${dragging ? ' dragging' : ''}`}
      aria-labelledby="card-reader-title"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <ImageUp size={22} aria-hidden className="card-reader-icon" />
      <div className="card-reader-body">
        <h3 id="card-reader-title">Read a business card</h3>
        {reading ? (
          <div className="card-reader-progress">
            <label htmlFor={reading.readId}>
              {reading.progress ? PHASES[reading.progress.phase] : `Preparing ${reading.fileName}…`}
            </label>
            <progress id={reading.readId} max={100} value={percent} />
            <button type="button" onClick={() => void rapport().cards.cancelRead({ readId: reading.readId })}>
              Cancel reading
            </button>
          </div>
        ) : (
          <>
            <p className="field-hint">
              A photo or screenshot of a card or its QR code. Drop it here, paste it, or choose a file. It is read on
              this computer; nothing is sent anywhere.
            </p>
            <button type="button" data-autofocus={autoFocus ? true : undefined} onClick={() => input.current?.click()}>
              Choose card image…
            </button>
          </>
        )}
        <input
          ref={input}
          type="file"
          accept="image/*"
          hidden
          aria-label="Card image"
          onChange={(e) => {
            readFirstImage(e.currentTarget.files);
            e.currentTarget.value = '';
          }}
        />
        {state.step === 'failed' ? (
          <p className="field-error" role="alert">
            {state.message}
          </p>
        ) : null}
      </div>
    </section>
  );
}
