// Contract of the report parser: bytes of a published report in, a report model (or a
// clear Chinese reason why it cannot be read) out. Never throws for bad input.
import type { AnnualReport, Finding } from '../model.js';

export interface ParseInput {
  bytes: Uint8Array;
  /** Used to tell the file type when the bytes alone do not (e.g. .txt vs .md). */
  filename?: string;
}

export type ParseResult =
  | { ok: true; report: AnnualReport; /** CELL_AMBIGUOUS, CELL_EMPTY, SECTION_NUMBERING, OLD_FORMAT … */ findings: Finding[] }
  | { ok: false; /** Chinese, says what is wrong and what to do */ error: string };

export async function parseReport(_input: ParseInput): Promise<ParseResult> {
  return { ok: false, error: '报告解析功能尚在建设中。' };
}
