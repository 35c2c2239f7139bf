import type { ContactDraft } from '../../../shared/domain/contact.ts';

export interface ImportProblem {
  file: string;
  /** 1-based line in the original file. */
  line: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ImportedCard {
  /** Line where the person starts in the original file (BEGIN:VCARD, or the CSV row). */
  line: number;
  draft: ContactDraft;
  uid?: string;
  /**
   * The day the LinkedIn connection was made, `YYYY-MM-DD`: from LinkedIn's CSV, or from the
   * `X-RAPPORT-CONNECTED-ON` property our vCard export writes for it.
   */
  connectedOn?: string;
  /**
   * People this card is linked to in the same file. A nested AGENT card becomes a person of its
   * own; its parent lists it here, by index into the same result's `cards`.
   */
  related?: RelatedCard[];
}

export interface RelatedCard {
  kind: 'agent';
  cardIndex: number;
}

export interface ImportResult {
  cards: ImportedCard[];
  problems: ImportProblem[];
}

/** `csv` is a CSV read through a column mapping the user chose (shared/domain/csv-mapping.ts). */
export type InterchangeFormat = 'vcard' | 'linkedin-csv' | 'google-csv' | 'outlook-csv' | 'thunderbird-csv' | 'csv';
