// The two national formats, and which one a report year is expected to use.
import { FORMAT_2019 } from './format-2019.js';
import { FORMAT_2021 } from './format-2021.js';
import type { FormatId, ReportFormat } from './types.js';

export * from './types.js';
export * from './shape.js';
export { FORMAT_2019, FORMAT_2021 };

export const FORMATS: Readonly<Record<FormatId, ReportFormat>> = {
  '2021': FORMAT_2021,
  '2019': FORMAT_2019,
};

/** The format a report on `year` must use (reports before 2019 are read with the 2019 layout). */
export function expectedFormatFor(year: number): ReportFormat {
  return year >= FORMAT_2021.years.from ? FORMAT_2021 : FORMAT_2019;
}
