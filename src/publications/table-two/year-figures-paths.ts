// Where the console's table 二 pages are.
import { PUBLICATIONS_PATH } from '../paths.js';

export const YEAR_FIGURES_PATH = `${PUBLICATIONS_PATH}/report-figures`;
