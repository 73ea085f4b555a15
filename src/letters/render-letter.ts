// From a template and its values to the three forms of a letter: its content, the HTML
// document and the .docx. The same function renders the editor's preview (from sample
// values) and an issued letter (from the case), so the preview is what will print.
import type { IsoDate } from '../calendar/dates.js';
import { composeLetter, letterNumberOf, type LetterDocument } from './compose.js';
import { FAMILY_CODES, LETTER_KIND_INFO, type LetterKind } from './kinds.js';
import { letterHtml } from './letter-html.js';
import { sampleContext, type PlaceholderValues } from './placeholders.js';
import type { LetterTemplate } from './template.js';

export interface LetterAgency {
  fullName: string;
  shortName: string;
}

export interface LetterInput {
  kind: LetterKind;
  template: LetterTemplate;
  agency: LetterAgency;
  issuedOn: IsoDate;
  /** The sequence number within the agency, year and family. */
  seq: number;
  /** The caller's values (checked with checkContext). */
  values: PlaceholderValues;
}

export interface RenderedLetter {
  doc: LetterDocument;
  html: string;
  docx: Uint8Array;
}

/** The content only (no files): what the preview and the e-mail text need. */
export function letterDocumentOf(input: LetterInput): LetterDocument {
  const { kind, template, agency, issuedOn, seq } = input;
  const number = letterNumberOf(template.numberPattern, {
    agencyShortName: agency.shortName,
    familyCode: FAMILY_CODES[LETTER_KIND_INFO[kind].family],
    year: Number(issuedOn.slice(0, 4)),
    seq,
  });
  return composeLetter(kind, LETTER_KIND_INFO[kind].title, template, number, {
    ...input.values,
    agencyName: agency.fullName,
    issuedOn,
  });
}

export async function renderLetter(input: LetterInput): Promise<RenderedLetter> {
  const doc = letterDocumentOf(input);
  // The docx library (12 MB) is loaded when the first letter is issued, not at start-up.
  const { letterDocx } = await import('./letter-docx.js');
  return { doc, html: await letterHtml(doc), docx: await letterDocx(doc) };
}

/** The letter as it would print for a sample case: the template editor's preview. */
export function previewDocument(
  kind: LetterKind,
  template: LetterTemplate,
  agency: LetterAgency,
  today: IsoDate,
): LetterDocument {
  return letterDocumentOf({
    kind,
    template,
    agency,
    issuedOn: today,
    seq: 1,
    values: sampleContext(kind),
  });
}
