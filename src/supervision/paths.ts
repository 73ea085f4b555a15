// The addresses of the supervision pages, in one place (pages link to each other).
export const SUPERVISION_PATH = '/console/supervision';
export const BATCHES_PATH = `${SUPERVISION_PATH}/batches`;
export const batchPath = (id: string) => `${BATCHES_PATH}/${id}`;
export const batchProgressPath = (id: string) => `${batchPath(id)}/progress.json`;
export const reportPath = (id: string) => `${SUPERVISION_PATH}/reports/${id}`;
export const noticePath = (id: string) => `${reportPath(id)}/notice.docx`;
export const dashboardPath = (year: number) => `${SUPERVISION_PATH}?year=${year}`;
export const dashboardExportPath = (year: number, ext: 'csv' | 'xlsx') =>
  `${SUPERVISION_PATH}/${year}/dashboard.${ext}`;
export const findingsExportPath = (batchId: string, ext: 'csv' | 'xlsx') =>
  `${batchPath(batchId)}/findings.${ext}`;
