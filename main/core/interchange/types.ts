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
  /** LinkedIn only: the day the connection was made, `YYYY-MM-DD`. */
  connectedOn?: string;
}

export interface ImportResult {
  cards: ImportedCard[];
  problems: ImportProblem[];
}

export type InterchangeFormat = 'vcard' | 'linkedin-csv' | 'google-csv';
