// The addresses of the supervision pages, in one place (pages link to each other).
export const SUPERVISION_PATH = '/console/supervision';
export const BATCHES_PATH = `${SUPERVISION_PATH}/batches`;
export const batchPath = (id: string) => `${BATCHES_PATH}/${id}`;
export const batchProgressPath = (id: string) => `${batchPath(id)}/progress.json`;
export const reportPath = (id: string) => `${SUPERVISION_PATH}/reports/${id}`;
export const noticePath = (id: string) => `${reportPath(id)}/notice.docx`;
/** The year's dashboard, narrowed to one status when given (see dashboard-filter.ts). */
export const dashboardPath = (year: number, status?: string | null) =>
  `${SUPERVISION_PATH}?year=${year}${status ? `&status=${encodeURIComponent(status)}` : ''}`;
/** Its export, of the same rows as the page it is reached from. */
export const dashboardExportPath = (year: number, ext: 'csv' | 'xlsx', status?: string | null) =>
  `${SUPERVISION_PATH}/${year}/dashboard.${ext}${status ? `?status=${encodeURIComponent(status)}` : ''}`;
export const findingsExportPath = (batchId: string, ext: 'csv' | 'xlsx') =>
  `${batchPath(batchId)}/findings.${ext}`;
